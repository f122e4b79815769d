'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { setFlash } from '@/components/ui/flash-notice';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useDeleteTopic } from '@/lib/api/topics';

/** Deleting needs the topic's name typed back: there is no undo in Kafka. */
export function DeleteTopicDialog({ cluster, topic, open, onClose }: { cluster: string; topic: string; open: boolean; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteTopic(cluster);
  const router = useRouter();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const list = `/clusters/${encodeURIComponent(cluster)}/topics`;
    remove.mutate(topic, {
      onSuccess: () => {
        setFlash(list, `Deleted topic ${topic}`);
        router.push(list);
      },
    });
  };
  return (
    <Modal open={open} title="Delete topic" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <p className="text-sm text-slate-700">
          This deletes <strong className="font-mono">{topic}</strong> and every message in it, on every broker. It cannot be undone.
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
        <ErrorText>{remove.error ? failureMessage('delete topic', remove.error) : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={typed !== topic || remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Delete topic'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
