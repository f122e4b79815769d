'use client';

import { useState } from 'react';
import { CopyCommand } from '@/components/topics/copy-command';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useDeleteGroupOffsets } from '@/lib/api/operations';
import { deleteOffsetsCommand } from '@/lib/operations-cli';
import type { GroupDetails } from '@/lib/types/groups';

/**
 * Deletes the group's committed offsets for one topic, or some of its partitions
 * (`kafka-consumer-groups --delete-offsets`). Kafka refuses it while members are subscribed to the
 * topic; the server's 409 says so.
 */
export function DeleteOffsetsDialog({ cluster, group, onClose }: { cluster: string; group: GroupDetails; onClose: () => void }) {
  const committed = group.offsets.filter((o) => o.committedOffset !== null);
  const topics = [...new Set(committed.map((o) => o.topic))].sort();
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [chosen, setChosen] = useState<number[]>([]);
  const remove = useDeleteGroupOffsets(cluster, group.groupId);
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const partitions = committed
    .filter((o) => o.topic === topic)
    .map((o) => o.partition)
    .sort((a, b) => a - b);
  const selected = chosen.length ? chosen : null;
  const toggle = (p: number) => setChosen((now) => (now.includes(p) ? now.filter((x) => x !== p) : [...now, p].sort((a, b) => a - b)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (topic) remove.mutate({ topic, partitions: selected }, { onSuccess: onClose });
  };
  return (
    <Modal open title="Delete offsets" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <p className="text-sm text-slate-700">
          The group forgets where it stopped: its consumers then start from <code>auto.offset.reset</code>. Kafka refuses this while members are subscribed to
          the topic.
        </p>
        <label className="block text-sm">
          Topic
          <select
            value={topic}
            onChange={(e) => {
              setTopic(e.target.value);
              setChosen([]);
            }}
            aria-label="Topic"
            className="mt-1 block rounded border border-slate-300 px-2 py-1.5"
          >
            {topics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="text-sm">
          <legend>Partitions (none chosen: all {partitions.length})</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {partitions.map((p) => (
              <label key={p} className="flex items-center gap-1">
                <input type="checkbox" checked={chosen.includes(p)} onChange={() => toggle(p)} aria-label={`Partition ${p}`} />
                {p}
              </label>
            ))}
          </div>
        </fieldset>
        <CopyCommand command={deleteOffsetsCommand(bootstrap, group.groupId, topic, selected)} />
        <ErrorText>{remove.error ? failureMessage('delete offsets', remove.error) : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={!topic || remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Delete offsets'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
