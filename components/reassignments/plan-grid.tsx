import type { PlannedPartition } from '@/lib/types/reassignments';

type Cell = 'kept-leader' | 'kept' | 'added-leader' | 'added' | 'removed' | null;

const CELL: Record<Exclude<Cell, null>, { label: string; className: string; title: string }> = {
  'kept-leader': { label: 'L', className: 'bg-indigo-600 text-white', title: 'Preferred leader, stays' },
  kept: { label: 'R', className: 'bg-indigo-100 text-indigo-800', title: 'Replica, stays' },
  'added-leader': { label: 'L+', className: 'bg-emerald-600 text-white ring-2 ring-emerald-300', title: 'Preferred leader, moves here' },
  added: { label: '+', className: 'bg-emerald-100 text-emerald-900 ring-2 ring-emerald-400', title: 'Replica moves here' },
  removed: { label: '−', className: 'bg-red-100 text-red-800 line-through', title: 'Replica moves away' },
};

function cellOf(p: PlannedPartition, broker: number): Cell {
  const before = p.current.includes(broker);
  const after = p.proposed.includes(broker);
  const leader = p.proposed[0] === broker;
  if (after) return before ? (leader ? 'kept-leader' : 'kept') : leader ? 'added-leader' : 'added';
  return before ? 'removed' : null;
}

/** The plan as partitions × brokers, before → after in each cell; moved replicas stand out. */
export function PlanGrid({ partitions }: { partitions: PlannedPartition[] }) {
  const brokers = [...new Set(partitions.flatMap((p) => [...p.current, ...p.proposed]))].sort((a, b) => a - b);
  const count = (pick: (p: PlannedPartition) => number[], broker: number) => partitions.filter((p) => pick(p).includes(broker)).length;
  const leaders = (pick: (p: PlannedPartition) => number[], broker: number) => partitions.filter((p) => pick(p)[0] === broker).length;
  return (
    <div className="space-y-3">
      <div className="w-fit max-w-full overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="text-sm" data-testid="plan-grid">
          <caption className="sr-only">Replica layout before and after the reassignment</caption>
          <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">
                Partition
              </th>
              {brokers.map((b) => (
                <th key={b} scope="col" className="px-3 py-2 text-center">
                  Broker {b}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-left">
                Replicas before → after
              </th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <tr key={`${p.topic}\u0000${p.partition}`} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1 text-left font-mono font-normal">
                  {p.topic}-{p.partition}
                </th>
                {brokers.map((broker) => {
                  const cell = cellOf(p, broker);
                  return (
                    <td key={broker} className="px-3 py-1 text-center">
                      {cell ? (
                        <span
                          title={CELL[cell].title}
                          aria-label={`${CELL[cell].title}: broker ${broker}`}
                          data-change={cell}
                          className={`inline-flex h-6 min-w-6 items-center justify-center rounded px-1 text-xs font-semibold ${CELL[cell].className}`}
                        >
                          {CELL[cell].label}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                <td className="px-3 py-1 font-mono text-xs text-slate-600">
                  [{p.current.join(', ')}] → [{p.proposed.join(', ')}]
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 text-xs">
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                Replicas
              </th>
              {brokers.map((b) => (
                <td key={b} data-testid={`plan-replicas-${b}`} className="px-3 py-1.5 text-center tabular-nums">
                  {count((p) => p.current, b)} → {count((p) => p.proposed, b)}
                </td>
              ))}
              <td />
            </tr>
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                Preferred leaders
              </th>
              {brokers.map((b) => (
                <td key={b} data-testid={`plan-leaders-${b}`} className="px-3 py-1.5 text-center tabular-nums">
                  {leaders((p) => p.current, b)} → {leaders((p) => p.proposed, b)}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="flex flex-wrap gap-4 text-xs text-slate-600">
        {Object.values(CELL).map((c) => (
          <span key={c.title} className="inline-flex items-center gap-1">
            <span className={`inline-flex h-4 min-w-4 items-center justify-center rounded px-0.5 text-[10px] ${c.className}`}>{c.label}</span>
            {c.title}
          </span>
        ))}
      </p>
    </div>
  );
}
