import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { deleteConnector, describeConnector } from '@/lib/kafka/connect/connectors';
import type { ConnectorDetails } from '@/lib/types/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type ConnectorParams = Params<'cluster' | 'connect' | 'connector'>;

export const GET = withErrorHandling(async (_request: Request, { params }: ConnectorParams) => {
  const { cluster, connect, connector } = await params;
  return NextResponse.json<ConnectorDetails>(await describeConnector(cluster, connect, connector));
});

export const DELETE = withErrorHandling(async (_request: Request, { params }: ConnectorParams) => {
  const { cluster, connect, connector } = await params;
  await deleteConnector(cluster, connect, connector);
  return new Response(null, { status: 204 });
});
