import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { Broker } from '@/lib/types/cluster';

export function BrokersTable({ brokers, controllerId }: { brokers: Broker[]; controllerId: number | null }) {
  return (
    <DataTable caption="Brokers" columns={['Node id', 'Address', 'Rack', 'Role']}>
      <tbody>
        {brokers.map((broker) => (
          <tr key={broker.nodeId} data-testid={`broker-${broker.nodeId}`} className="border-t border-slate-100">
            <td className="px-3 py-2 font-mono tabular-nums">{broker.nodeId}</td>
            <td className="px-3 py-2 font-mono">{`${broker.host}:${broker.port}`}</td>
            <td className="px-3 py-2">{broker.rack ?? <span className="text-slate-400">none</span>}</td>
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
