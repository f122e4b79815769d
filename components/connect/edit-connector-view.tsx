'use client';

import { useRouter } from 'next/navigation';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { useConnectClusters, useConnector, useUpdateConnectorConfig } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import { connectorHref } from './connector-link';
import { ConnectorEditor } from './connector-editor';

/**
 * A connector's config in the generated form (or JSON), saved once Connect accepts it. Secrets show as
 * `[hidden]`: left so, they keep their value (the server puts it back); typed anew, they replace it.
 */
export function EditConnectorView({ cluster, connect, name }: { cluster: string; connect: string; name: string }) {
  const router = useRouter();
  const clusters = useConnectClusters(cluster);
  const connector = useConnector(cluster, connect, name);
  const update = useUpdateConnectorConfig(cluster, connect, name);
  if (clusters.isPending || connector.isPending) return <Loading label="Reading the connector…" />;
  const worker = clusters.data?.connectClusters.find((c) => c.name === connect);
  if (!worker) return <ErrorText>{failureMessage('read the connector plugins', clusters.error ?? new Error(`no Connect cluster "${connect}"`))}</ErrorText>;
  if (!connector.data) return <ErrorText>{failureMessage('read the connector', connector.error)}</ErrorText>;
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-xl font-semibold">
        Edit connector <span className="break-all font-mono">{name}</span>
      </h1>
      <ConnectorEditor
        workerUrl={worker.url}
        basicAuth={worker.basicAuth}
        cluster={cluster}
        connect={connect}
        plugins={worker.plugins.filter((p) => p.type === 'source' || p.type === 'sink')}
        existing={{ name, config: connector.data.config }}
        busy={update.isPending}
        failure={update.error ? failureMessage('save the config', update.error) : null}
        onSubmit={(_name, config) => update.mutate(config, { onSuccess: () => router.push(connectorHref(cluster, { connect, name })) })}
      />
    </div>
  );
}
