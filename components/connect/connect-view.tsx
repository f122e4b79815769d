'use client';

import Link from 'next/link';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { useReadOnly } from '@/lib/api/clusters';
import { useConnectClusters } from '@/lib/api/connect';
import { ConnectorsTable } from './connectors-table';

/** Every Connect cluster of a Kafka cluster, each with its connectors; a worker that is down says so alone. */
export function ConnectView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useConnectClusters(cluster);
  const readOnly = useReadOnly();
  if (isPending) return <Loading label="Asking Kafka Connect…" />;
  if (!data) return <ClusterUnreachable cluster={cluster} error={error} />;
  if (!data.connectClusters.length) {
    return (
      <Alert tone="info" title="No Kafka Connect cluster is configured">
        Set <code>KAFKA_CONNECT_URL</code>, or <code>connect</code> in <code>KAFKA_CLUSTERS</code> (see the README).
      </Alert>
    );
  }
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Kafka Connect</h1>
      {data.connectClusters.map((connect) => (
        <section key={connect.name} aria-label={`Connect cluster ${connect.name}`} className="space-y-3">
          <div className="flex flex-wrap items-baseline gap-3">
            <h2 className="text-lg font-semibold">{connect.name}</h2>
            <span className="font-mono text-sm text-slate-600">{connect.url}</span>
            {connect.version ? (
              <span className="text-sm text-slate-600">
                Connect {connect.version} · {connect.plugins.length} connector plugins
              </span>
            ) : null}
            {readOnly || connect.error ? null : (
              <Link
                href={`/clusters/${encodeURIComponent(cluster)}/connect/${encodeURIComponent(connect.name)}/new`}
                className="ml-auto rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
              >
                Create connector
              </Link>
            )}
          </div>
          {connect.error ? (
            <Alert tone="danger" title={`Cannot reach Kafka Connect “${connect.name}”`}>
              {connect.error}
            </Alert>
          ) : (
            <ConnectorsTable cluster={cluster} connect={connect.name} />
          )}
        </section>
      ))}
    </div>
  );
}
