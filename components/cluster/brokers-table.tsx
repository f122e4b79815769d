import { Badge } from '@/components/ui/badge';
import type { Broker } from '@/lib/types/cluster';

export function BrokersTable({ brokers, controllerId }: { brokers: Broker[]; controllerId: number | null }) {
  return (
    <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="sr-only">Brokers</caption>
      <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-4 py-2">Node id</th>
          <th scope="col" className="px-4 py-2">Address</th>
          <th scope="col" className="px-4 py-2">Rack</th>
          <th scope="col" className="px-4 py-2">Role</th>
        </tr>
      </thead>
      <tbody>
        {brokers.map((broker) => (
          <tr key={broker.nodeId} data-testid={`broker-${broker.nodeId}`} className="border-t border-slate-100">
            <td className="px-4 py-2 font-mono tabular-nums">{broker.nodeId}</td>
            <td className="px-4 py-2 font-mono">{`${broker.host}:${broker.port}`}</td>
            <td className="px-4 py-2">{broker.rack ?? <span className="text-slate-400">none</span>}</td>
            <td className="px-4 py-2">
              {broker.nodeId === controllerId ? (
                <Badge tone="info" title="Leader of the KRaft controller quorum (DescribeQuorum)">
                  Active controller
                </Badge>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
