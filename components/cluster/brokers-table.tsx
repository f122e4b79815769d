import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { BrokerRow } from '@/lib/cluster-health';

export function BrokersTable({ cluster, brokers, controllerId }: { cluster: string; brokers: BrokerRow[]; controllerId: number | null }) {
  return (
    <DataTable caption="Brokers" columns={['Node id', 'Address', 'Rack', 'Status', 'Role']}>
      <tbody>
        {brokers.map((broker) => (
          <tr key={broker.nodeId} data-testid={`broker-${broker.nodeId}`} className="border-t border-slate-100">
            <td className="px-3 py-2 font-mono tabular-nums">
              <Link className="text-indigo-700 hover:underline" href={`/clusters/${encodeURIComponent(cluster)}/brokers/${broker.nodeId}`}>
                {broker.nodeId}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono">
              {broker.host === null ? <span className="text-slate-400">not registered</span> : `${broker.host}:${broker.port}`}
            </td>
            <td className="px-3 py-2">{broker.rack ?? <span className="text-slate-400">none</span>}</td>
            <td className="px-3 py-2">
              {broker.online ? (
                <Badge tone="ok">online</Badge>
              ) : (
                <Badge tone="danger" title="Holds replicas but is not registered in the cluster metadata: it does not answer">
                  offline
                </Badge>
              )}
            </td>
            <td className="px-3 py-2">
              {broker.nodeId === controllerId ? (
                <Badge tone="info" title="Leader of the KRaft controller quorum (DescribeQuorum)">
                  Active controller
                </Badge>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
