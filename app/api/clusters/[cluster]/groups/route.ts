import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { listGroups } from '@/lib/kafka/groups';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json(await listGroups(cluster));
});
