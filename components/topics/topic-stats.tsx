import type { ReactNode } from 'react';
import { formatBytes } from '@/lib/format';
import { formatReplicationFactor, messageSpread } from '@/lib/topic-stats';
import type { TopicDetails } from '@/lib/types/topics';
import { MessageCount } from './message-count';

/**
 * The topic header's numbers: partitions, replication factor (mixed after a reassignment), size,
 * messages, and a hint when the messages sit unevenly on the partitions (a hot or an unused key).
 */
export function TopicStats({ topic }: { topic: TopicDetails }) {
  const mixed = topic.minReplicationFactor !== topic.replicationFactor;
  const { hint } = messageSpread(topic.partitions);
  return (
    <div className="space-y-1">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <Stat label="Partitions">{topic.partitions.length}</Stat>
        <Stat label="Replication factor">
          {mixed ? (
            <span className="text-amber-700" title="Partitions have different replica counts, e.g. after a reassignment">
              {formatReplicationFactor({ min: topic.minReplicationFactor, max: topic.replicationFactor })}
            </span>
          ) : (
            topic.replicationFactor
          )}
        </Stat>
        <Stat label="Size">
          {topic.sizeBytes === null ? (
            <span className="text-slate-400" title="A broker did not report its disks">
              —
            </span>
          ) : (
            <span title="On disk, all replicas">{formatBytes(topic.sizeBytes)}</span>
          )}
        </Stat>
        <Stat label="Messages">
          <MessageCount messages={topic.messages} exact={topic.messagesExact} />
        </Stat>
      </dl>
      {hint ? (
        <p role="note" className="text-sm text-amber-800">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}
