import type { GroupMember } from '@/lib/types/groups';

export function GroupMembers({ members }: { members: GroupMember[] }) {
  if (!members.length) return <p className="text-sm text-slate-600">No active members: nothing is consuming right now.</p>;
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="sr-only">Members</caption>
      <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-3 py-2">Client id</th>
          <th scope="col" className="px-3 py-2">Host</th>
          <th scope="col" className="px-3 py-2">Member id</th>
          <th scope="col" className="px-3 py-2">Assigned partitions</th>
        </tr>
      </thead>
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
    </table>
  );
}
