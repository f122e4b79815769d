import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { getTopic, updateTopicConfigs } from '@/lib/kafka/topics';
import { alterConfigsSchema } from '@/lib/topic-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sets (string) or resets (null) single keys; other overrides stay. Answers the configs after the change. */
export const PATCH = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const { configs } = await readJson(request, alterConfigsSchema);
  await updateTopicConfigs(cluster, topic, configs);
  return NextResponse.json({ configs: (await getTopic(cluster, topic)).configs });
});
