import { DataTable } from '@/components/ui/data-table';
import { formatCount } from '@/lib/format';
import type { TopicPartition } from '@/lib/types/topics';

const ids = (list: number[]) => (list.length ? list.join(', ') : '—');
const offset = (n: number | null) => (n === null ? <span className="text-slate-400" title="No leader to ask">unknown</span> : formatCount(n));

export function PartitionsTable({ partitions }: { partitions: TopicPartition[] }) {
  return (
    <DataTable caption="Partitions" columns={['Partition', 'Leader', 'Replicas', 'ISR', 'Offline replicas', { label: 'Earliest offset', numeric: true }, { label: 'Latest offset', numeric: true }, { label: 'Messages', numeric: true }]}>
      <tbody>
        {partitions.map((p) => {
          const offline = p.leader < 0;
          const underReplicated = p.isr.length < p.replicas.length;
          return (
            <tr
              key={p.partition}
              data-testid={`partition-${p.partition}`}
              className={`border-t border-slate-100 ${offline ? 'bg-red-50' : underReplicated ? 'bg-amber-50' : ''}`}
              title={offline ? 'Offline: no leader' : underReplicated ? 'Under-replicated: some replicas are out of the ISR' : undefined}
            >
              <td className="px-3 py-1.5 font-mono tabular-nums">{p.partition}</td>
              <td className="px-3 py-1.5 font-mono">{offline ? <span className="font-semibold text-red-700">none</span> : p.leader}</td>
              <td className="px-3 py-1.5 font-mono">{ids(p.replicas)}</td>
              <td className="px-3 py-1.5 font-mono">{ids(p.isr)}</td>
              <td className="px-3 py-1.5 font-mono">{ids(p.offlineReplicas)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{offset(p.earliestOffset)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{offset(p.latestOffset)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{offset(p.messages)}</td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
