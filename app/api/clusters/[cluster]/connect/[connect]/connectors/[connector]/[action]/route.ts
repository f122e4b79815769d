import { withErrorHandling, type Params } from '@/lib/http';
import { CONNECTOR_ACTIONS, connectorAction, type ConnectorAction } from '@/lib/kafka/connect/connectors';
import { notFound } from '@/lib/kafka/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const isAction = (value: string): value is ConnectorAction => (CONNECTOR_ACTIONS as readonly string[]).includes(value);

/** POST …/pause|resume|stop|restart (restart takes `?includeTasks=true&onlyFailed=true`) → 202. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'connect' | 'connector' | 'action'>) => {
  const { cluster, connect, connector, action } = await params;
  if (!isAction(action)) throw notFound('NOT_FOUND', `No connector action "${action.slice(0, 40)}"; one of ${CONNECTOR_ACTIONS.join(', ')}`);
  const query = new URL(request.url).searchParams;
  await connectorAction(cluster, connect, connector, action, {
    includeTasks: query.get('includeTasks') === 'true',
    onlyFailed: query.get('onlyFailed') === 'true',
  });
  return new Response(null, { status: 202 });
});
