import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { produceMessages } from '@/lib/kafka/produce';
import { produceRequestSchema } from '@/lib/produce-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const body = await readJson(request, produceRequestSchema);
  return NextResponse.json(await produceMessages(cluster, topic, body));
});
