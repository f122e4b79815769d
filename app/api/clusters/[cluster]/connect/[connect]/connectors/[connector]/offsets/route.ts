import { NextResponse } from 'next/server';
import { alterOffsetsSchema } from '@/lib/connect-validation';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { connectorOffsets } from '@/lib/kafka/connect/connectors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type ConnectorParams = Params<'cluster' | 'connect' | 'connector'>;

export const GET = withErrorHandling(async (_request: Request, { params }: ConnectorParams) => {
  const { cluster, connect, connector } = await params;
  return NextResponse.json(await connectorOffsets(cluster, connect, connector));
});

/** KIP-875: only for a STOPPED connector (Connect answers 400 otherwise, passed on). */
export const PATCH = withErrorHandling(async (request: Request, { params }: ConnectorParams) => {
  const { cluster, connect, connector } = await params;
  const body = await readJson(request, alterOffsetsSchema);
  return NextResponse.json(await connectorOffsets(cluster, connect, connector, { method: 'PATCH', body }));
});

export const DELETE = withErrorHandling(async (_request: Request, { params }: ConnectorParams) => {
  const { cluster, connect, connector } = await params;
  return NextResponse.json(await connectorOffsets(cluster, connect, connector, { method: 'DELETE' }));
});
