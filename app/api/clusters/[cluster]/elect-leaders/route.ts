import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { electLeaders } from '@/lib/kafka/elect-leaders';
import { electLeadersSchema } from '@/lib/operations-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Elects preferred (or unclean) leaders for some partitions or all; answers each partition's outcome. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const input = await readJson(request, electLeadersSchema);
  return NextResponse.json(await electLeaders(cluster, input));
});
