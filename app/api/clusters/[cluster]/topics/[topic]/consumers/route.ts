import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { topicConsumers } from '@/lib/kafka/groups';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  return NextResponse.json({ consumers: await topicConsumers(cluster, topic) });
});
