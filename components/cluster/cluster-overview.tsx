'use client';

import { LoadState } from './load-state';
import { PreferredLeadersCard } from './preferred-leaders-card';
import { StatCard } from '@/components/ui/stat-card';
import { useClusterOverview } from '@/lib/api/clusters';
import { brokerRows } from '@/lib/cluster-health';
import { topicListViewToParams } from '@/lib/topic-list';
import { BrokersTable } from './brokers-table';
import { ClusterUnreachable } from './cluster-unreachable';
import { HealthVerdict } from './health-verdict';

export function ClusterOverview({ cluster }: { cluster: string }) {
  const { data, error, isPending, isError } = useClusterOverview(cluster);
  if (!data) return <LoadState cluster={cluster} isPending={isPending} error={error} loadingLabel={`Connecting to ${cluster}…`} />;
  const overview = data;
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  // The counts include internal topics, so the lists they lead to do too.
  const topics = (sort: 'name' | 'partitions' | 'underReplicatedPartitions' | 'offlinePartitions') =>
    `${base}/topics${topicListViewToParams({ q: '', sort, dir: sort === 'name' ? 'asc' : 'desc', internal: true })}`;
  const brokers = brokerRows(overview.brokers, overview.offlineBrokers);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{overview.name}</h1>
        <p className="text-sm text-slate-500">
          Cluster id <span className="font-mono">{overview.clusterId ?? 'unknown'}</span>
        </p>
      </div>
      {isError ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      <HealthVerdict overview={overview} />
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4 lg:grid-cols-7">
        <StatCard
          label="Brokers"
          value={overview.offlineBrokers.length ? `${overview.brokers.length} of ${brokers.length}` : overview.brokers.length}
          tone={overview.offlineBrokers.length ? 'danger' : 'plain'}
          href={`${base}/brokers`}
        />
        <StatCard
          label="Active controller"
          value={overview.controllerId ?? '—'}
          hint="Leader of the KRaft controller quorum"
          tone={overview.controllerId === null ? 'warn' : 'plain'}
          href={overview.controllerId === null ? undefined : `${base}/brokers/${overview.controllerId}`}
        />
        <StatCard
          label="Kafka"
          value={overview.kafkaVersion?.release ?? '—'}
          hint={
            overview.kafkaVersion
              ? `Finalized metadata.version ${overview.kafkaVersion.metadataVersion} (kafka-features describe); ` +
                'the patch release is not reported over the protocol'
              : 'The cluster does not report a metadata.version'
          }
        />
        <StatCard label="Topics" value={overview.topics} hint="Including internal topics" href={topics('name')} />
        <StatCard label="Partitions" value={overview.partitions} href={topics('partitions')} />
        <StatCard
          label="Under-replicated"
          value={overview.underReplicatedPartitions}
          tone={overview.underReplicatedPartitions ? 'warn' : 'plain'}
          href={topics('underReplicatedPartitions')}
        />
        <StatCard
          label="Offline"
          value={overview.offlinePartitions}
          tone={overview.offlinePartitions ? 'danger' : 'plain'}
          href={topics('offlinePartitions')}
        />
      </dl>
      <PreferredLeadersCard cluster={cluster} overview={overview} />
      <section aria-labelledby="brokers-heading" className="space-y-2">
        <h2 id="brokers-heading" className="text-lg font-semibold">
          Brokers
        </h2>
        <BrokersTable cluster={cluster} brokers={brokers} controllerId={overview.controllerId} />
      </section>
    </div>
  );
}
