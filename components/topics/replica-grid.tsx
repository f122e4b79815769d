import type { ReplicaCell, ReplicaLayout } from '@/lib/replica-layout';

const CELL: Record<Exclude<ReplicaCell, null>, { label: string; className: string; title: string }> = {
  leader: { label: 'L', className: 'bg-indigo-600 text-white', title: 'Leader' },
  'in-sync': { label: 'R', className: 'bg-indigo-100 text-indigo-800', title: 'In-sync replica' },
  'out-of-sync': { label: 'R', className: 'bg-amber-200 text-amber-900 ring-1 ring-amber-400', title: 'Replica out of the ISR' },
  offline: { label: '×', className: 'bg-red-200 text-red-900 ring-1 ring-red-400', title: 'Offline replica' },
};

/** Where each replica lives: partitions down, brokers across; totals show leader and replica skew. */
export function ReplicaGrid({ layout }: { layout: ReplicaLayout }) {
  return (
    <div className="space-y-3">
      <div className="w-fit max-w-full overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="text-sm">
          <caption className="sr-only">Replica layout</caption>
          <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">
                Partition
              </th>
              {layout.brokers.map((b) => (
                <th key={b} scope="col" className="px-3 py-2 text-center">
                  Broker {b}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((row) => (
              <tr key={row.partition} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1 text-left font-mono font-normal">
                  {row.partition}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={layout.brokers[i]} className="px-3 py-1 text-center">
                    {cell ? (
                      <span
                        title={CELL[cell].title}
                        aria-label={`${CELL[cell].title} on broker ${layout.brokers[i]}`}
                        data-replica={cell}
                        className={`inline-flex h-6 w-6 items-center justify-center rounded text-xs font-semibold ${CELL[cell].className}`}
                      >
                        {CELL[cell].label}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 text-xs">
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                Leaders
              </th>
              {layout.totals.map((t) => (
                <td key={t.broker} data-testid={`leaders-${t.broker}`} className="px-3 py-1.5 text-center tabular-nums">
                  {t.leaders}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                Replicas
              </th>
              {layout.totals.map((t) => (
                <td key={t.broker} data-testid={`replicas-${t.broker}`} className="px-3 py-1.5 text-center tabular-nums">
                  {t.replicas}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="flex flex-wrap gap-4 text-xs text-slate-600">
        {Object.values(CELL).map((c) => (
          <span key={c.title} className="inline-flex items-center gap-1">
            <span className={`inline-flex h-4 w-4 items-center justify-center rounded text-[10px] ${c.className}`}>{c.label}</span>
            {c.title}
          </span>
        ))}
      </p>
    </div>
  );
}
