import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { connectorsOfTopic } from '@/lib/kafka/connect/usage';
import type { TopicConnectorList } from '@/lib/types/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The Kafka Connect connectors that read (sinks) or write (sources) the topic, on every Connect cluster. */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  return NextResponse.json<TopicConnectorList>(await connectorsOfTopic(cluster, topic));
});
