import { DataTable } from '@/components/ui/data-table';
import { formatBytes, formatCount } from '@/lib/format';
import { formatShare, messageSpread } from '@/lib/topic-stats';
import type { TopicPartition } from '@/lib/types/topics';
import { MessageCount } from './message-count';

const ids = (list: number[]) => (list.length ? list.join(', ') : '—');
const unknown = (
  <span className="text-slate-400" title="No leader to ask">
    unknown
  </span>
);
const offset = (n: number | null) => (n === null ? unknown : formatCount(n));

export function PartitionsTable({ partitions }: { partitions: TopicPartition[] }) {
  const spread = messageSpread(partitions);
  return (
    <DataTable
      caption="Partitions"
      columns={[
        'Partition',
        'Leader',
        'Replicas',
        'ISR',
        'Offline replicas',
        { label: 'Earliest offset', numeric: true },
        { label: 'Latest offset', numeric: true },
        { label: 'Messages', numeric: true },
        { label: 'Share', numeric: true, title: 'This partition’s share of the topic’s messages' },
        { label: 'Size', numeric: true, title: 'On disk, all replicas' },
      ]}
    >
      <tbody>
        {partitions.map((p) => {
          const offline = p.leader < 0;
          const underReplicated = p.isr.length < p.replicas.length;
          const share = spread.shares.get(p.partition);
          const skewed = spread.skewed.has(p.partition);
          return (
            <tr
              key={p.partition}
              data-testid={`partition-${p.partition}`}
              className={`border-t border-slate-100 ${offline ? 'bg-red-50' : underReplicated ? 'bg-amber-50' : ''}`}
              title={offline ? 'Offline: no leader' : underReplicated ? 'Under-replicated: some replicas are out of the ISR' : undefined}
            >
              <td className="px-3 py-1.5 font-mono tabular-nums">{p.partition}</td>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono">{offline ? <span className="font-semibold text-red-700">none</span> : p.leader}</td>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono">{ids(p.replicas)}</td>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono">{ids(p.isr)}</td>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono">{ids(p.offlineReplicas)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{offset(p.earliestOffset)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{offset(p.latestOffset)}</td>
              <td data-testid="messages" className="px-3 py-1.5 text-right tabular-nums">
                {p.messages === null ? unknown : <MessageCount messages={p.messages} exact={p.messagesExact} />}
              </td>
              <td
                data-testid="share"
                className={`px-3 py-1.5 text-right tabular-nums${skewed ? ' font-medium text-amber-700' : ''}`}
                title={skewed ? 'Far from an even share' : undefined}
              >
                {share === undefined ? '—' : formatShare(share)}
              </td>
              <td data-testid="size" className="px-3 py-1.5 text-right tabular-nums">
                {p.sizeBytes === null ? (
                  <span className="text-slate-400" title="A broker did not report its disks">
                    —
                  </span>
                ) : (
                  formatBytes(p.sizeBytes)
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
