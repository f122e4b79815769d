'use client';

import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { StatCard } from '@/components/ui/stat-card';
import { useClusterOverview } from '@/lib/api/clusters';
import { BrokersTable } from './brokers-table';
import { ClusterUnreachable } from './cluster-unreachable';

export function ClusterOverview({ cluster }: { cluster: string }) {
  const { data, error, isPending, isError } = useClusterOverview(cluster);
  if (isPending) return <Loading label={`Connecting to ${cluster}…`} />;
  if (isError && !data) return <ClusterUnreachable cluster={cluster} error={error} />;
  const overview = data!;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{overview.name}</h1>
        <p className="text-sm text-slate-500">
          Cluster id <span className="font-mono">{overview.clusterId ?? 'unknown'}</span>
        </p>
      </div>
      {isError ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {overview.offlinePartitions > 0 ? (
        <Alert tone="danger" title={`${overview.offlinePartitions} offline partition(s)`}>
          These partitions have no leader: nothing can be written to or read from them.
        </Alert>
      ) : null}
      {overview.underReplicatedPartitions > 0 ? (
        <Alert tone="warn" title={`${overview.underReplicatedPartitions} under-replicated partition(s)`}>
          Some replicas are out of the in-sync set; a broker may be down or falling behind.
        </Alert>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        <StatCard label="Brokers" value={overview.brokers.length} />
        <StatCard label="Active controller" value={overview.controllerId ?? '—'} hint="Leader of the KRaft controller quorum" />
        <StatCard label="Topics" value={overview.topics} hint="Including internal topics" />
        <StatCard label="Partitions" value={overview.partitions} />
        <StatCard label="Under-replicated" value={overview.underReplicatedPartitions} tone={overview.underReplicatedPartitions ? 'warn' : 'plain'} />
        <StatCard label="Offline" value={overview.offlinePartitions} tone={overview.offlinePartitions ? 'danger' : 'plain'} />
      </dl>
      <section aria-labelledby="brokers-heading" className="space-y-2">
        <h2 id="brokers-heading" className="text-lg font-semibold">Brokers</h2>
        <BrokersTable brokers={overview.brokers} controllerId={overview.controllerId} />
      </section>
    </div>
  );
}
