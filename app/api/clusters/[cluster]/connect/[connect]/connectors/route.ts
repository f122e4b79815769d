import { NextResponse } from 'next/server';
import { createConnectorSchema } from '@/lib/connect-validation';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { createConnector, listConnectors } from '@/lib/kafka/connect/connectors';
import type { ConnectorList } from '@/lib/types/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'connect'>) => {
  const { cluster, connect } = await params;
  return NextResponse.json<ConnectorList>({ connectors: await listConnectors(cluster, connect) });
});

/** `{ name, config }` → 201; Connect's own 400 (bad config) and 409 (name taken) are passed on. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'connect'>) => {
  const { cluster, connect } = await params;
  const { name, config } = await readJson(request, createConnectorSchema);
  return NextResponse.json(await createConnector(cluster, connect, name, config), { status: 201 });
});
