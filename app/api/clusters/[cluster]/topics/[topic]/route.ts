import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { deleteTopic, getTopic } from '@/lib/kafka/topics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  return NextResponse.json(await getTopic(cluster, topic));
});

export const DELETE = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  await deleteTopic(cluster, topic);
  return new Response(null, { status: 204 });
});
