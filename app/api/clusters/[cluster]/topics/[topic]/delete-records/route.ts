import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { deleteRecords } from '@/lib/kafka/delete-records';
import { deleteRecordsSchema } from '@/lib/operations-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Deletes records before `beforeOffset` (default: all) of some or all partitions; answers the new log start offsets. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const input = await readJson(request, deleteRecordsSchema);
  return NextResponse.json(await deleteRecords(cluster, topic, input));
});
