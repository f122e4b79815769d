import { NextResponse } from 'next/server';
import { withErrorHandling, readJson, type Params } from '@/lib/http';
import { createTopic, listTopics } from '@/lib/kafka/topics';
import { createTopicSchema } from '@/lib/topic-validation';
import type { TopicList } from '@/lib/types/topics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const includeInternal = new URL(request.url).searchParams.get('internal') === 'true';
  return NextResponse.json<TopicList>({ topics: await listTopics(cluster, { includeInternal }) });
});

export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const input = await readJson(request, createTopicSchema);
  return NextResponse.json(await createTopic(cluster, input), { status: 201 });
});
