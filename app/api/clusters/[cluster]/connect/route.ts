import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { describeConnectClusters } from '@/lib/kafka/connect/connectors';
import type { ConnectClusterList } from '@/lib/types/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The cluster's Kafka Connect clusters with their version and connector plugins. */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json<ConnectClusterList>({ connectClusters: await describeConnectClusters(cluster) });
});
