import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { resetOffsets } from '@/lib/kafka/group-admin';
import { resetOffsetsSchema } from '@/lib/group-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Resets committed offsets (Empty groups only; 409 otherwise). `dryRun: true` previews. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'group'>) => {
  const { cluster, group } = await params;
  const input = await readJson(request, resetOffsetsSchema);
  return NextResponse.json(await resetOffsets(cluster, group, input));
});
