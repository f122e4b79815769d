import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { sinkConnectorGroups } from '@/lib/kafka/connect/usage';
import type { SinkGroupList } from '@/lib/types/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Each sink connector's consumer group (`connect-<name>`), so the groups pages can link a group to its connector. */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json<SinkGroupList>(await sinkConnectorGroups(cluster));
});
