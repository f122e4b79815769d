import { DataTable } from '@/components/ui/data-table';
import { formatCount } from '@/lib/format';
import type { GroupPartitionOffset } from '@/lib/types/groups';
import { StatusBadge } from './status-badge';

const none = (label: string) => <span className="text-slate-400">{label}</span>;

/**
 * A share group's partitions, as `kafka-share-groups --describe --offsets` shows them: the start
 * offset (first record not yet acknowledged by every delivery) and the lag the broker reports, plus
 * the log end and every member sharing the partition.
 */
export function ShareOffsetsTable({ offsets }: { offsets: GroupPartitionOffset[] }) {
  return (
    <DataTable
      caption="Start offset and lag per partition"
      columns={[
        'Topic',
        'Partition',
        { label: 'Start offset', numeric: true, title: 'Share-partition start offset: it may trail records already acknowledged out of order' },
        { label: 'Log end', numeric: true },
        { label: 'Lag', numeric: true, title: 'Records not yet acknowledged, as the broker reports them' },
        'Status',
        'Consumers',
      ]}
    >
      <tbody>
        {offsets.map((o) => (
          <tr key={`${o.topic}:${o.partition}`} data-testid={`share-offset-${o.topic}-${o.partition}`} className="border-t border-slate-100">
            <td className="px-3 py-1.5 break-all">{o.topic}</td>
            <td className="px-3 py-1.5 font-mono">{o.partition}</td>
            <td className="px-3 py-1.5 text-right tabular-nums" data-testid="start-offset">
              {o.committedOffset === null ? none('not started') : formatCount(o.committedOffset)}
            </td>
            <td className="px-3 py-1.5 text-right tabular-nums">{o.logEndOffset === null ? none('unknown') : formatCount(o.logEndOffset)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums" data-testid="lag">
              {o.lag === null ? none('—') : formatCount(o.lag)}
            </td>
            <td className="px-3 py-1.5">
              <StatusBadge status={o.status} reason={o.statusReason} />
            </td>
            <td className="px-3 py-1.5 text-xs">
              {o.consumers?.length
                ? o.consumers.map((c) => (
                    <div key={c.memberId} title={`member ${c.memberId}`}>
                      {c.clientId} <span className="text-slate-500">{c.host}</span>
                    </div>
                  ))
                : none('unassigned')}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
