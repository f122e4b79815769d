import { NextResponse } from 'next/server';
import { connectorConfigSchema } from '@/lib/connect-validation';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { validateConnectorConfig } from '@/lib/kafka/connect/connectors';
import type { ConnectValidation } from '@/lib/types/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A config checked by Connect against the plugin's definition; changes nothing, so allowed when READ_ONLY. */
export const PUT = withErrorHandling(
  async (request: Request, { params }: Params<'cluster' | 'connect' | 'plugin'>) => {
    const { cluster, connect, plugin } = await params;
    const config = await readJson(request, connectorConfigSchema);
    return NextResponse.json<ConnectValidation>(await validateConnectorConfig(cluster, connect, plugin, config));
  },
  { changesCluster: false },
);
