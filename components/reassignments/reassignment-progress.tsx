'use client';

import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { failureMessage } from '@/lib/api/fetch';
import { useCancelReassignment } from '@/lib/api/reassignments';
import { formatBytes } from '@/lib/format';
import type { PartitionReassignment } from '@/lib/types/reassignments';

/** Bytes copied of the partition's size on the slowest adding replica, as a percentage. */
function percent(r: PartitionReassignment): number | null {
  if (r.sizeBytes === null || r.copied.length === 0) return null;
  if (r.sizeBytes === 0) return 100;
  return Math.min(100, Math.floor((Math.min(...r.copied.map((c) => c.bytes)) / r.sizeBytes) * 100));
}

/** The reassignments in progress (kafka-reassign-partitions --list) with copy progress and cancel. */
export function ReassignmentProgress({ cluster, reassignments, readOnly }: { cluster: string; reassignments: PartitionReassignment[]; readOnly: boolean }) {
  const cancel = useCancelReassignment(cluster);
  if (reassignments.length === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="no-reassignments">
        No partition is being reassigned.
      </p>
    );
  const all = reassignments.map(({ topic, partition }) => ({ topic, partition }));
  return (
    <div className="space-y-2">
      <div className="w-fit max-w-full overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="text-sm">
          <caption className="sr-only">Reassignments in progress</caption>
          <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {['Partition', 'Replicas', 'Adding', 'Removing', 'Copied', ''].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 text-left">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reassignments.map((r) => {
              const done = percent(r);
              return (
                <tr key={`${r.topic}\u0000${r.partition}`} data-testid="reassignment-row" className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1.5 text-left font-mono font-normal">
                    {r.topic}-{r.partition}
                  </th>
                  <td className="px-3 py-1.5 font-mono">{r.replicas.join(', ')}</td>
                  <td className="px-3 py-1.5 font-mono text-emerald-700">{r.adding.join(', ') || '—'}</td>
                  <td className="px-3 py-1.5 font-mono text-red-700">{r.removing.join(', ') || '—'}</td>
                  <td className="px-3 py-1.5">
                    {done === null ? (
                      '—'
                    ) : (
                      <span className="inline-flex items-center gap-2">
                        <progress max={100} value={done} aria-label={`${r.topic}-${r.partition} copied`} className="h-2 w-24" />
                        <span className="tabular-nums text-xs text-slate-600">
                          {r.copied.map((c) => `${formatBytes(c.bytes)} on ${c.broker}`).join(', ')} of {formatBytes(r.sizeBytes ?? 0)}
                        </span>
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    {readOnly ? null : (
                      <Button
                        onClick={() => cancel.mutate([{ topic: r.topic, partition: r.partition }])}
                        disabled={cancel.isPending}
                        aria-label={`Cancel ${r.topic}-${r.partition}`}
                      >
                        Cancel
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {readOnly || reassignments.length < 2 ? null : (
        <Button variant="danger" onClick={() => cancel.mutate(all)} disabled={cancel.isPending}>
          Cancel all {reassignments.length}
        </Button>
      )}
      <ErrorText>{cancel.error ? failureMessage('cancel the reassignment', cancel.error) : null}</ErrorText>
    </div>
  );
}
