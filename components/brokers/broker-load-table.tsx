import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { formatBytes } from '@/lib/format';
import type { BrokerSummary } from '@/lib/types/brokers';

/** Per broker: where it is, whether it is up, and how much it carries (leaders, replicas, disk). */
export function BrokerLoadTable({ cluster, brokers }: { cluster: string; brokers: BrokerSummary[] }) {
  const maxLeaders = Math.max(1, ...brokers.map((b) => b.leaders));
  return (
    <DataTable
      caption="Brokers"
      columns={[
        'Node id',
        'Address',
        'Rack',
        'Status',
        { label: 'Leaders', numeric: true },
        { label: 'Replicas', numeric: true },
        { label: 'Out of ISR', numeric: true },
        { label: 'Disk', numeric: true },
      ]}
    >
      <tbody>
        {brokers.map((b) => (
          <tr key={b.nodeId} data-testid={`broker-${b.nodeId}`} className={`border-t border-slate-100 ${b.online ? '' : 'bg-red-50'}`}>
            <td className="px-3 py-2 font-mono">
              <Link href={`/clusters/${encodeURIComponent(cluster)}/brokers/${b.nodeId}`} className="text-indigo-700 hover:underline">
                {b.nodeId}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono">{b.host ? `${b.host}:${b.port}` : '—'}</td>
            <td className="px-3 py-2">{b.rack ?? <span className="text-slate-400">none</span>}</td>
            <td className="space-x-1 px-3 py-2">
              {b.online ? (
                <Badge tone="ok">online</Badge>
              ) : (
                <Badge tone="danger" title="Holds replicas but is not registered with the cluster">
                  offline
                </Badge>
              )}
              {b.isController ? <Badge tone="info">Active controller</Badge> : null}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              <span className="inline-flex items-center gap-2">
                <span aria-hidden className="inline-block h-1.5 rounded bg-indigo-400" style={{ width: `${(b.leaders / maxLeaders) * 48}px` }} />
                {b.leaders}
              </span>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{b.replicas}</td>
            <td className="px-3 py-2 text-right tabular-nums">{b.outOfSyncReplicas ? <Badge tone="warn">{b.outOfSyncReplicas}</Badge> : 0}</td>
            <td className="px-3 py-2 text-right tabular-nums">{b.sizeBytes === null ? '—' : formatBytes(b.sizeBytes)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
