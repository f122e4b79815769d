import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { cancelReassignments, executeReassignment, listReassignments } from '@/lib/kafka/reassignments';
import { cancelRequestSchema, executeRequestSchema } from '@/lib/reassignment-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The reassignments in progress (kafka-reassign-partitions --list), with copy progress. */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json(await listReassignments(cluster));
});

/** Starts moving partitions (kafka-reassign-partitions --execute [--throttle]): 202, Kafka copies in the background. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const body = await readJson(request, executeRequestSchema);
  return NextResponse.json(await executeReassignment(cluster, body), { status: 202 });
});

/** Cancels moves in progress (kafka-reassign-partitions --cancel). */
export const DELETE = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const body = await readJson(request, cancelRequestSchema);
  return NextResponse.json(await cancelReassignments(cluster, body));
});
