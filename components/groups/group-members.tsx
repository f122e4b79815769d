import { DataTable } from '@/components/ui/data-table';
import type { GroupMember } from '@/lib/types/groups';

export function GroupMembers({ members }: { members: GroupMember[] }) {
  if (!members.length) return <p className="text-sm text-slate-600">No active members: nothing is consuming right now.</p>;
  return (
    <DataTable caption="Members" columns={['Client id', 'Host', 'Member id', 'Assigned partitions']}>
      <tbody>
        {members.map((m) => (
          <tr key={m.memberId} className="border-t border-slate-100 align-top">
            <td className="px-3 py-1.5">{m.clientId}</td>
            <td className="px-3 py-1.5 font-mono">{m.host}</td>
            <td className="max-w-xs truncate px-3 py-1.5 font-mono text-xs" title={m.memberId}>{m.memberId}</td>
            <td className="px-3 py-1.5">
              {m.assignments.length ? m.assignments.map((a) => (
                <div key={a.topic}><span className="font-medium">{a.topic}</span>: <span className="font-mono">{a.partitions.join(', ')}</span></div>
              )) : <span className="text-slate-400">none</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
