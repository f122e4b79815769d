import { DataTable } from '@/components/ui/data-table';
import type { GroupMember } from '@/lib/types/groups';

/** Members with their assignments; the static members' group.instance.id and the member epochs when the group has them. */
export function GroupMembers({ members }: { members: GroupMember[] }) {
  if (!members.length) return <p className="text-sm text-slate-600">No active members: nothing is consuming right now.</p>;
  const anyStatic = members.some((m) => m.instanceId !== null);
  const anyEpoch = members.some((m) => m.memberEpoch !== null);
  return (
    <DataTable
      caption="Members"
      columns={[
        'Client id',
        'Host',
        'Member id',
        anyStatic ? { label: 'Instance id', title: 'group.instance.id of a static member' } : null,
        anyEpoch ? { label: 'Epoch', numeric: true } : null,
        'Assigned partitions',
      ]}
    >
      <tbody>
        {members.map((m) => (
          <tr key={m.memberId} className="border-t border-slate-100 align-top">
            <td className="px-3 py-1.5">{m.clientId}</td>
            <td className="px-3 py-1.5 font-mono">{m.host}</td>
            <td className="max-w-xs truncate px-3 py-1.5 font-mono text-xs" title={m.memberId}>
              {m.memberId}
            </td>
            {anyStatic ? (
              <td className="px-3 py-1.5 font-mono text-xs" data-testid="instance-id">
                {m.instanceId ?? <span className="text-slate-400">dynamic</span>}
              </td>
            ) : null}
            {anyEpoch ? <td className="px-3 py-1.5 text-right tabular-nums">{m.memberEpoch ?? '—'}</td> : null}
            <td className="px-3 py-1.5">
              {m.assignments.length ? (
                m.assignments.map((a) => (
                  <div key={a.topic}>
                    <span className="font-medium">{a.topic}</span>: <span className="font-mono">{a.partitions.join(', ')}</span>
                  </div>
                ))
              ) : (
                <span className="text-slate-400">none</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
