'use client';

import { useRouter } from 'next/navigation';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { useConnectClusters, useCreateConnector } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import { ConnectorEditor } from './connector-editor';

/** A new connector on one Connect cluster: pick a plugin, fill its generated form (or JSON), create once Connect accepts it. */
export function CreateConnectorView({ cluster, connect }: { cluster: string; connect: string }) {
  const router = useRouter();
  const clusters = useConnectClusters(cluster);
  const create = useCreateConnector(cluster, connect);
  const worker = clusters.data?.connectClusters.find((c) => c.name === connect);
  if (clusters.isPending) return <Loading label="Reading the connector plugins…" />;
  if (!worker) return <ErrorText>{failureMessage('read the connector plugins', clusters.error ?? new Error(`no Connect cluster "${connect}"`))}</ErrorText>;
  const plugins = worker.plugins.filter((p) => p.type === 'source' || p.type === 'sink');
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-xl font-semibold">Create a connector on {connect}</h1>
      <ConnectorEditor
        workerUrl={worker.url}
        basicAuth={worker.basicAuth}
        cluster={cluster}
        connect={connect}
        plugins={plugins}
        busy={create.isPending}
        failure={create.error ? failureMessage('create the connector', create.error) : null}
        onSubmit={(name, config) =>
          create.mutate(
            { name, config },
            {
              onSuccess: (created) =>
                router.push(`/clusters/${encodeURIComponent(cluster)}/connect/${encodeURIComponent(connect)}/connectors/${encodeURIComponent(created.name)}`),
            },
          )
        }
      />
    </div>
  );
}
