'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useAddPartitions } from '@/lib/api/topics';
import { MAX_PARTITIONS } from '@/lib/limits';
import { addPartitionsProblem } from '@/lib/topic-validation';

export function AddPartitionsDialog({
  cluster,
  topic,
  current,
  open,
  onClose,
}: {
  cluster: string;
  topic: string;
  current: number;
  open: boolean;
  onClose: () => void;
}) {
  const [count, setCount] = useState(String(current + 1));
  const add = useAddPartitions(cluster, topic);
  const n = Number(count);
  const problem = count.trim() === '' || !Number.isFinite(n) ? 'Enter a whole number' : addPartitionsProblem(n, current);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!problem) add.mutate(n, { onSuccess: onClose });
  };
  return (
    <Modal open={open} title="Add partitions" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm">
          New partition count (now {current})
          <input
            type="number"
            min={current + 1}
            max={MAX_PARTITIONS}
            step={1}
            autoFocus
            value={count}
            onChange={(e) => setCount(e.target.value)}
            aria-label="New partition count"
            aria-invalid={Boolean(problem)}
            className="mt-1 w-40 rounded border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-2 focus:ring-indigo-400"
          />
        </label>
        {problem ? <p className="text-sm text-slate-600">{problem}</p> : null}
        <Alert tone="warn" title="Keys will map to different partitions">
          Producers choose a partition by hashing the key modulo the partition count. After this change, new messages with an existing key may go to another
          partition than its older messages, so per-key ordering breaks across the change. Partitions can never be removed again.
        </Alert>
        <ErrorText>{add.error ? failureMessage('add partitions', add.error) : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={Boolean(problem) || add.isPending}>
            {add.isPending ? 'Adding…' : `Grow to ${Number.isInteger(n) ? n : '…'} partitions`}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
