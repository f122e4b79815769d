'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useDeleteRecords } from '@/lib/api/operations';
import { deleteRecordsCommand } from '@/lib/operations-cli';
import type { TopicPartition } from '@/lib/types/topics';
import { CopyCommand } from './copy-command';

/**
 * Deletes records of one partition before an offset, or empties the whole topic (every partition up
 * to its high watermark; the topic's name typed back, as Kafka has no undo). Shows the new log
 * start offsets Kafka answered, and the kafka-delete-records command that does the same.
 */
export function DeleteRecordsDialog({
  cluster,
  topic,
  partitions,
  mode,
  onClose,
}: {
  cluster: string;
  topic: string;
  partitions: TopicPartition[];
  mode: 'empty' | 'partition';
  onClose: () => void;
}) {
  const [partition, setPartition] = useState(partitions[0]?.partition ?? 0);
  const [offset, setOffset] = useState('');
  const [typed, setTyped] = useState('');
  const remove = useDeleteRecords(cluster, topic);
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const chosen = partitions.find((p) => p.partition === partition);
  const before = Number(offset);
  const problem =
    mode === 'empty'
      ? typed === topic
        ? null
        : 'Type the topic name to confirm'
      : offset.trim() === '' || !Number.isInteger(before) || before < 0
        ? 'Enter an offset (a whole number, 0 or more)'
        : chosen?.latestOffset != null && before > chosen.latestOffset
          ? `Partition ${partition} ends at offset ${chosen.latestOffset}`
          : null;
  const input = mode === 'empty' ? {} : { partitions: [partition], beforeOffset: before };
  const command = deleteRecordsCommand(
    bootstrap,
    topic,
    mode === 'empty' ? partitions.map((p) => p.partition) : [partition],
    mode === 'empty' ? null : Number.isInteger(before) ? before : 0,
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!problem) remove.mutate(input);
  };
  const title = mode === 'empty' ? 'Empty topic' : 'Delete records';
  return (
    <Modal open title={title} onClose={onClose}>
      {remove.data ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">Kafka moved the log start offsets:</p>
          <table className="text-sm" aria-label="New log start offsets">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-6 font-medium">Partition</th>
                <th className="font-medium">Log start offset</th>
              </tr>
            </thead>
            <tbody>
              {remove.data.partitions.map((p) => (
                <tr key={p.partition}>
                  <td className="pr-6 tabular-nums">{p.partition}</td>
                  <td className="tabular-nums">{p.lowWatermark}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          {mode === 'empty' ? (
            <>
              <p className="text-sm text-slate-700">
                This deletes every record of <strong className="font-mono">{topic}</strong> in all {partitions.length} partitions, up to each partition&apos;s
                high watermark. Consumers that had not read them will never see them. It cannot be undone.
              </p>
              <label className="block text-sm">
                Type the topic name to confirm
                <input
                  autoFocus
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-label="Topic name to confirm"
                  className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 font-mono focus:outline-none focus:ring-2 focus:ring-red-400"
                />
              </label>
            </>
          ) : (
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="block">
                Partition
                <select
                  value={partition}
                  onChange={(e) => setPartition(Number(e.target.value))}
                  aria-label="Partition"
                  className="mt-1 block rounded border border-slate-300 px-2 py-1.5"
                >
                  {partitions.map((p) => (
                    <option key={p.partition} value={p.partition}>
                      {p.partition} (offsets {p.earliestOffset ?? '?'}–{p.latestOffset ?? '?'})
                    </option>
                  ))}
                </select>
              </label>
              <label className="block">
                Delete records before offset
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={offset}
                  onChange={(e) => setOffset(e.target.value)}
                  aria-label="Delete records before offset"
                  className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-2 focus:ring-indigo-400"
                />
              </label>
            </div>
          )}
          {problem && mode === 'partition' && offset !== '' ? <p className="text-sm text-slate-600">{problem}</p> : null}
          <CopyCommand command={command} />
          <ErrorText>{remove.error ? failureMessage('delete records', remove.error) : null}</ErrorText>
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={Boolean(problem) || remove.isPending}>
              {remove.isPending ? 'Deleting…' : title}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
