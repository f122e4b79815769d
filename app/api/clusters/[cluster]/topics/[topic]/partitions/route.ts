import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { addPartitions } from '@/lib/kafka/topics';
import { addPartitionsSchema } from '@/lib/topic-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const { count } = await readJson(request, addPartitionsSchema);
  return NextResponse.json(await addPartitions(cluster, topic, count));
});
