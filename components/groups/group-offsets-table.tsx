import { DataTable } from '@/components/ui/data-table';
import { formatCount, formatDuration } from '@/lib/format';
import type { GroupPartitionOffset } from '@/lib/types/groups';
import { StatusBadge } from './status-badge';

const none = (label: string) => <span className="text-slate-400">{label}</span>;

/** Age of the oldest waiting message; when it cannot be read, the reason instead of a bare dash. */
function LagInTime({ offset: o }: { offset: GroupPartitionOffset }) {
  if (!o.lag) return o.lag === 0 ? '0' : none('—');
  if (o.lagMs === null) return <span className="text-xs text-amber-700">{o.lagNote ?? 'unknown'}</span>;
  const age = formatDuration(o.lagMs);
  return o.lagNote ? (
    <span title={o.lagNote}>
      ≥ {age} <span className="block text-xs text-amber-700">{o.lagNote}</span>
    </span>
  ) : (
    age
  );
}

/** Per topic: a total row, then each partition's committed and log-end offsets, lag, owner and status. */
export function GroupOffsetsTable({ offsets }: { offsets: GroupPartitionOffset[] }) {
  const topics = [...new Set(offsets.map((o) => o.topic))];
  return (
    <DataTable
      caption="Offsets and lag per partition"
      columns={[
        'Partition',
        { label: 'Committed', numeric: true },
        { label: 'Log end', numeric: true },
        { label: 'Lag', numeric: true },
        { label: 'Lag in time', numeric: true, title: 'Age of the oldest message not yet consumed' },
        { label: 'Catch up in', numeric: true, title: 'At the recent consumption rate' },
        'Status',
        'Owner',
      ]}
    >
      {topics.map((topic) => {
        const rows = offsets.filter((o) => o.topic === topic);
        const known = rows.filter((o) => o.lag !== null);
        return (
          <tbody key={topic}>
            <tr className="border-t-2 border-slate-200 bg-slate-50 font-medium">
              <th scope="rowgroup" className="px-3 py-1.5 text-left">
                {topic}
              </th>
              <td colSpan={2} />
              <td className="px-3 py-1.5 text-right tabular-nums" data-testid={`topic-lag-${topic}`}>
                {known.length ? formatCount(known.reduce((s, o) => s + o.lag!, 0)) : '—'}
              </td>
              <td colSpan={4} />
            </tr>
            {rows.map((o) => (
              <tr key={o.partition} data-testid={`offset-${o.topic}-${o.partition}`} className="border-t border-slate-100">
                <td className="px-3 py-1.5 font-mono">{o.partition}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{o.committedOffset === null ? none('no commit') : formatCount(o.committedOffset)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{o.logEndOffset === null ? none('unknown') : formatCount(o.logEndOffset)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums" data-testid="lag">
                  {o.lag === null ? none('—') : formatCount(o.lag)}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums" data-testid="lag-in-time">
                  <LagInTime offset={o} />
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums" data-testid="catch-up">
                  {o.catchUpMs === null ? none(o.lag ? (o.catchUpNote ?? 'unknown') : '—') : o.catchUpMs === 0 ? '—' : formatDuration(o.catchUpMs)}
                </td>
                <td className="px-3 py-1.5">
                  <StatusBadge status={o.status} reason={o.statusReason} />{' '}
                  <span className="ml-1 text-xs text-slate-500">{o.status === 'ok' || o.status === 'unknown' ? '' : o.statusReason}</span>
                </td>
                <td className="px-3 py-1.5 text-xs">
                  {o.clientId ? (
                    <span title={`member ${o.memberId}`}>
                      {o.clientId} <span className="text-slate-500">{o.host}</span>
                    </span>
                  ) : (
                    none('unassigned')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </DataTable>
  );
}
