import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { deleteGroup } from '@/lib/kafka/group-admin';
import { getGroup } from '@/lib/kafka/groups';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'group'>) => {
  const { cluster, group } = await params;
  return NextResponse.json(await getGroup(cluster, group));
});

export const DELETE = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'group'>) => {
  const { cluster, group } = await params;
  await deleteGroup(cluster, group);
  return new Response(null, { status: 204 });
});
