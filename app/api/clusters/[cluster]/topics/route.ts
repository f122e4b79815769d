import { NextResponse } from 'next/server';
import { errorResponse, withErrorHandling, readJson, type Params } from '@/lib/http';
import { createTopic, listTopics } from '@/lib/kafka/topics';
import { listTopicsPage } from '@/lib/kafka/topics-page';
import { topicPageQuerySchema } from '@/lib/topic-page';
import { createTopicSchema } from '@/lib/topic-validation';
import type { TopicList } from '@/lib/types/topics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every topic (no `limit`), or one page: `limit`, `offset`, `q`, `sort`, `dir` over all topics (lib/topic-page.ts). */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const searchParams = new URL(request.url).searchParams;
  if (!searchParams.has('limit'))
    return NextResponse.json<TopicList>({ topics: await listTopics(cluster, { includeInternal: searchParams.get('internal') === 'true' }) });
  const parsed = topicPageQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return errorResponse('INVALID_INPUT', parsed.error.issues[0].message);
  return NextResponse.json(await listTopicsPage(cluster, { ...parsed.data, limit: parsed.data.limit ?? 100 }));
});

export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const input = await readJson(request, createTopicSchema);
  return NextResponse.json(await createTopic(cluster, input), { status: 201 });
});
