import { NextResponse } from 'next/server';
import { connectorConfigSchema } from '@/lib/connect-validation';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { updateConnectorConfig } from '@/lib/kafka/connect/connectors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The whole new config → `{ config }` as Connect keeps it. */
export const PUT = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'connect' | 'connector'>) => {
  const { cluster, connect, connector } = await params;
  const config = await readJson(request, connectorConfigSchema);
  return NextResponse.json({ config: await updateConnectorConfig(cluster, connect, connector, config) });
});
