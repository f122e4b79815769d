'use client';

import Link from 'next/link';
import { StateBadge, StatusBadge } from '@/components/groups/status-badge';
import { DataTable } from '@/components/ui/data-table';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { failureMessage } from '@/lib/api/fetch';
import { useTopicConsumers } from '@/lib/api/groups';
import { formatCount } from '@/lib/format';

/** The groups with committed offsets on this topic and their lag on it. */
export function TopicConsumers({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isPending } = useTopicConsumers(cluster, topic);
  if (isPending) return <Loading />;
  if (!data) return <ErrorText>{failureMessage('read the consumers', error)}</ErrorText>;
  if (!data.consumers.length) return <p className="text-sm text-slate-600">No consumer group has committed offsets on this topic.</p>;
  return (
    <DataTable
      caption="Consumer groups of this topic"
      columns={[
        'Group',
        'State',
        { label: 'Members', numeric: true },
        { label: 'Partitions committed', numeric: true },
        { label: 'Lag on this topic', numeric: true },
        'Status',
      ]}
    >
      <tbody>
        {data.consumers.map((c) => (
          <tr key={c.groupId} className="border-t border-slate-100">
            <td className="px-3 py-1.5">
              <Link className="text-indigo-700 hover:underline" href={`/clusters/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(c.groupId)}`}>
                {c.groupId}
              </Link>
            </td>
            <td className="px-3 py-1.5">
              <StateBadge state={c.state} />
            </td>
            <td className="px-3 py-1.5 text-right tabular-nums">{c.members}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{c.partitions}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{c.lag === null ? '—' : formatCount(c.lag)}</td>
            <td className="px-3 py-1.5">
              <StatusBadge status={c.status} reason={c.statusReason} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
