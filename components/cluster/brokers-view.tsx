'use client';

import { BrokerLoadTable } from '@/components/brokers/broker-load-table';
import { Loading } from '@/components/ui/loading';
import { useBrokers } from '@/lib/api/brokers';
import { ClusterUnreachable } from './cluster-unreachable';

export function BrokersView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useBrokers(cluster);
  if (isPending) return <Loading />;
  if (!data) return <ClusterUnreachable cluster={cluster} error={error} />;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Brokers</h1>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      <BrokerLoadTable cluster={cluster} brokers={data.brokers} />
      <p className="text-xs text-slate-500">
        Leaders and replicas count partitions of every topic, internal ones included. Disk is the size of the replicas on the broker (DescribeLogDirs).
      </p>
    </div>
  );
}
