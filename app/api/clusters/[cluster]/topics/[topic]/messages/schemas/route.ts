import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { subjectsForProduce } from '@/lib/kafka/schema-registry/produce-subjects';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The registry subjects the produce form can encode with, the topic's own first. */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  return NextResponse.json(await subjectsForProduce(cluster, topic));
});
