'use client';

import { Loading } from '@/components/ui/loading';
import { useClusterOverview } from '@/lib/api/clusters';
import { BrokersTable } from './brokers-table';
import { ClusterUnreachable } from './cluster-unreachable';

export function BrokersView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useClusterOverview(cluster);
  if (isPending) return <Loading />;
  if (!data) return <ClusterUnreachable cluster={cluster} error={error} />;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Brokers</h1>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      <BrokersTable brokers={data.brokers} controllerId={data.controllerId} />
    </div>
  );
}
