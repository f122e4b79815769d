'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useElectLeaders } from '@/lib/api/operations';
import { leaderElectionCommand } from '@/lib/operations-cli';
import type { ElectionType } from '@/lib/types/operations';
import { CopyCommand } from './copy-command';
import { allOf, chosenOf, PartitionPicker } from './partition-picker';

const OUTCOME: Record<string, string> = { elected: 'leader elected', 'not-needed': 'already led by it: not needed', failed: 'failed' };

/**
 * Elects leaders for the given partitions (null: every partition of the cluster), preferred by
 * default; an unclean election needs an explicit choice and warns that it may lose data. Given
 * more than one partition, the operator may choose some of them (all by default).
 */
export function ElectLeadersDialog({
  cluster,
  title,
  partitions,
  onClose,
}: {
  cluster: string;
  title: string;
  partitions: { topic: string; partition: number }[] | null;
  onClose: () => void;
}) {
  const [type, setType] = useState<ElectionType>('preferred');
  const [chosen, setChosen] = useState(() => allOf(partitions ?? []));
  const electing = partitions ? chosenOf(partitions, chosen) : null;
  const elect = useElectLeaders(cluster);
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (electing?.length === 0) return;
    elect.mutate(electing ? { type, partitions: electing } : { type });
  };
  return (
    <Modal open title={title} onClose={onClose}>
      {elect.data ? (
        <div className="space-y-4">
          {elect.data.results.length === 0 ? (
            <p className="text-sm text-slate-700">No partition needed a new leader.</p>
          ) : (
            <table className="text-sm" aria-label="Election results">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="pr-4 font-medium">Partition</th>
                  <th className="font-medium">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {elect.data.results.map((r) => (
                  <tr key={`${r.topic}\u0000${r.partition}`}>
                    <td className="pr-4 font-mono">
                      {r.topic}-{r.partition}
                    </td>
                    <td className={r.outcome === 'failed' ? 'text-red-700' : undefined}>
                      {OUTCOME[r.outcome]}
                      {r.error ? `: ${r.error.message} (${r.error.code})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <fieldset className="space-y-1 text-sm">
            <legend className="sr-only">Election type</legend>
            <label className="flex items-center gap-2">
              <input type="radio" checked={type === 'preferred'} onChange={() => setType('preferred')} /> Preferred: move leadership back to each
              partition&apos;s first replica
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" checked={type === 'unclean'} onChange={() => setType('unclean')} /> Unclean: elect any live replica when no in-sync one is
              left
            </label>
          </fieldset>
          {partitions && partitions.length > 1 ? <PartitionPicker partitions={partitions} chosen={chosen} onChange={setChosen} /> : null}
          {type === 'unclean' ? (
            <Alert tone="warn" title="An unclean election may lose data">
              A replica outside the ISR may lack the latest records; once it leads, those records are gone for good and consumers may see offsets go back. Use
              it only to bring an offline partition back when its in-sync replicas are lost.
            </Alert>
          ) : null}
          {electing?.length === 0 ? null : <CopyCommand command={leaderElectionCommand(bootstrap, type, electing)} />}
          <ErrorText>{elect.error ? failureMessage('elect leaders', elect.error) : null}</ErrorText>
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant={type === 'unclean' ? 'danger' : 'primary'} disabled={elect.isPending || electing?.length === 0}>
              {elect.isPending ? 'Electing…' : type === 'unclean' ? 'Elect unclean leaders' : 'Elect preferred leaders'}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
