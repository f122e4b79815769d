import { formatCount, formatDuration } from '@/lib/format';
import type { GroupPartitionOffset } from '@/lib/types/groups';
import { StatusBadge } from './status-badge';

const none = (label: string) => <span className="text-slate-400">{label}</span>;

/** Per topic: a total row, then each partition's committed and log-end offsets, lag, owner and status. */
export function GroupOffsetsTable({ offsets }: { offsets: GroupPartitionOffset[] }) {
  const topics = [...new Set(offsets.map((o) => o.topic))];
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="sr-only">Offsets and lag per partition</caption>
      <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-3 py-2">Partition</th>
          <th scope="col" className="px-3 py-2 text-right">Committed</th>
          <th scope="col" className="px-3 py-2 text-right">Log end</th>
          <th scope="col" className="px-3 py-2 text-right">Lag</th>
          <th scope="col" className="px-3 py-2 text-right" title="Age of the oldest message not yet consumed">Lag in time</th>
          <th scope="col" className="px-3 py-2 text-right" title="At the recent consumption rate">Catch up in</th>
          <th scope="col" className="px-3 py-2">Status</th>
          <th scope="col" className="px-3 py-2">Owner</th>
        </tr>
      </thead>
      {topics.map((topic) => {
        const rows = offsets.filter((o) => o.topic === topic);
        const known = rows.filter((o) => o.lag !== null);
        return (
          <tbody key={topic}>
            <tr className="border-t-2 border-slate-200 bg-slate-50 font-medium">
              <th scope="rowgroup" className="px-3 py-1.5 text-left">{topic}</th>
              <td colSpan={2} />
              <td className="px-3 py-1.5 text-right tabular-nums" data-testid={`topic-lag-${topic}`}>{known.length ? formatCount(known.reduce((s, o) => s + o.lag!, 0)) : '—'}</td>
              <td colSpan={4} />
            </tr>
            {rows.map((o) => (
              <tr key={o.partition} data-testid={`offset-${o.topic}-${o.partition}`} className="border-t border-slate-100">
                <td className="px-3 py-1.5 font-mono">{o.partition}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{o.committedOffset === null ? none('no commit') : formatCount(o.committedOffset)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{o.logEndOffset === null ? none('unknown') : formatCount(o.logEndOffset)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums" data-testid="lag">{o.lag === null ? none('—') : formatCount(o.lag)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{o.lagMs === null ? none('—') : o.lagMs === 0 ? '0' : formatDuration(o.lagMs)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{o.catchUpMs === null ? none(o.lag ? 'not catching up' : '—') : o.catchUpMs === 0 ? '—' : formatDuration(o.catchUpMs)}</td>
                <td className="px-3 py-1.5"><StatusBadge status={o.status} reason={o.statusReason} /> <span className="ml-1 text-xs text-slate-500">{o.status === 'ok' || o.status === 'unknown' ? '' : o.statusReason}</span></td>
                <td className="px-3 py-1.5 text-xs">{o.clientId ? <span title={`member ${o.memberId}`}>{o.clientId} <span className="text-slate-500">{o.host}</span></span> : none('unassigned')}</td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
