'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useReadOnly } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useExecuteReassignment } from '@/lib/api/reassignments';
import { parseReplicaList } from '@/lib/reassignment-cli';
import type { TopicPartition } from '@/lib/types/topics';

/**
 * The manual editor for one partition's replicas (a reassignment of that partition alone): a
 * button for the topic page and its dialog. The first id becomes the preferred leader.
 */
export function EditReplicasButton({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: TopicPartition[] }) {
  const readOnly = useReadOnly();
  const [open, setOpen] = useState(false);
  const [partition, setPartition] = useState(0);
  const current = partitions.find((p) => p.partition === partition)?.replicas ?? [];
  const [text, setText] = useState('');
  const execute = useExecuteReassignment(cluster);
  if (readOnly || partitions.length === 0) return null;
  const parsed = parseReplicaList(text);
  const problem = 'problem' in parsed ? parsed.problem : parsed.replicas.join() === current.join() ? 'These are the current replicas' : null;
  const close = () => {
    setOpen(false);
    execute.reset();
  };
  const pick = (p: number) => {
    setPartition(p);
    setText((partitions.find((x) => x.partition === p)?.replicas ?? []).join(', '));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!('problem' in parsed) && !problem) execute.mutate({ partitions: [{ topic, partition, replicas: parsed.replicas }] });
  };
  return (
    <>
      <Button
        onClick={() => {
          pick(partitions[0].partition);
          setOpen(true);
        }}
      >
        Edit replicas
      </Button>
      <Modal open={open} title="Edit a partition's replicas" onClose={close}>
        <form onSubmit={submit} className="space-y-3">
          <label className="block text-sm">
            Partition
            <select
              value={partition}
              onChange={(e) => pick(Number(e.target.value))}
              aria-label="Partition"
              className="mt-1 block rounded border border-slate-300 px-2 py-1"
            >
              {partitions.map((p) => (
                <option key={p.partition} value={p.partition}>
                  {p.partition} (replicas {p.replicas.join(', ')})
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            Replicas: broker ids, the preferred leader first
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-label="Replicas"
              aria-invalid={Boolean(problem)}
              className="mt-1 block w-60 rounded border border-slate-300 px-2 py-1 font-mono"
            />
          </label>
          {problem ? <p className="text-sm text-slate-600">{problem}</p> : null}
          <ErrorText>{execute.error ? failureMessage('reassign the partition', execute.error) : null}</ErrorText>
          {execute.isSuccess ? (
            <p role="status" className="text-sm text-emerald-700">
              Reassignment started; follow it on the Reassignments page.
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Close</Button>
            <Button type="submit" variant="primary" disabled={Boolean(problem) || execute.isPending || execute.isSuccess}>
              Reassign partition {partition}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
