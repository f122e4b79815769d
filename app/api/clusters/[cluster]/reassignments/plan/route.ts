import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { planForCluster } from '@/lib/kafka/reassignments';
import { planRequestSchema } from '@/lib/reassignment-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Proposes a layout (kafka-reassign-partitions --generate, rack-aware and balanced); changes nothing. */
export const POST = withErrorHandling(
  async (request: Request, { params }: Params<'cluster'>) => {
    const { cluster } = await params;
    return NextResponse.json(await planForCluster(cluster, await readJson(request, planRequestSchema)));
  },
  { changesCluster: false },
);
