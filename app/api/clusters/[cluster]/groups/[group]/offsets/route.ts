import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { resetOffsets } from '@/lib/kafka/group-admin';
import { deleteGroupOffsets } from '@/lib/kafka/group-offsets-delete';
import { badRequest } from '@/lib/kafka/errors';
import { parsePartitionsParam } from '@/lib/operations-validation';
import { resetOffsetsSchema } from '@/lib/group-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Resets committed offsets (Empty groups only; 409 otherwise). `dryRun: true` previews. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'group'>) => {
  const { cluster, group } = await params;
  const input = await readJson(request, resetOffsetsSchema);
  return NextResponse.json(await resetOffsets(cluster, group, input));
});

/** Deletes the group's committed offsets for `?topic=` (all partitions, or `&partitions=0,1`); 409 while members are subscribed to it. */
export const DELETE = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'group'>) => {
  const { cluster, group } = await params;
  const query = new URL(request.url).searchParams;
  const topic = query.get('topic');
  if (!topic) throw badRequest('Name the topic whose offsets to delete: ?topic=');
  const parsed = parsePartitionsParam(query.get('partitions'));
  if ('problem' in parsed) throw badRequest(parsed.problem);
  return NextResponse.json(await deleteGroupOffsets(cluster, group, topic, parsed.partitions));
});
