import { shellQuote } from './topic-cli';

/**
 * The Kafka CLI commands equivalent to the operator operations (delete records, group offsets,
 * broker configs, leader election), shown beside each control so an operator can do the same by
 * hand. Pure.
 */

/**
 * `kafka-delete-records.sh` reads the offsets from a JSON file; the command writes it first.
 * Offset -1 is Kafka's "up to the high watermark", what "Empty topic" sends.
 */
export function deleteRecordsCommand(bootstrap: string, topic: string, partitions: number[], beforeOffset: number | null): string {
  const file = JSON.stringify({ partitions: partitions.map((partition) => ({ topic, partition, offset: beforeOffset ?? -1 })), version: 1 });
  const command = ['kafka-delete-records.sh', '--bootstrap-server', bootstrap, '--offset-json-file', 'delete-records.json'];
  return `echo ${shellQuote(file)} > delete-records.json && ${command.map(shellQuote).join(' ')}`;
}

/** `kafka-consumer-groups.sh --delete-offsets` for one topic, or some of its partitions. */
export function deleteOffsetsCommand(bootstrap: string, groupId: string, topic: string, partitions: number[] | null): string {
  const scope = partitions?.length ? `${topic}:${partitions.join(',')}` : topic;
  return ['kafka-consumer-groups.sh', '--bootstrap-server', bootstrap, '--delete-offsets', '--group', groupId, '--topic', scope].map(shellQuote).join(' ');
}

/** `kafka-configs.sh --alter` for one broker ("default": the cluster-wide default); null deletes the key. */
export function brokerConfigCommand(bootstrap: string, broker: number | 'default', name: string, value: string | null): string {
  const entity = broker === 'default' ? ['--entity-default'] : ['--entity-name', String(broker)];
  // kafka-configs splits --add-config on commas; a list value is written in brackets.
  const change = value === null ? ['--delete-config', name] : ['--add-config', `${name}=${value.includes(',') ? `[${value}]` : value}`];
  return ['kafka-configs.sh', '--bootstrap-server', bootstrap, '--entity-type', 'brokers', ...entity, '--alter', ...change].map(shellQuote).join(' ');
}

/** `kafka-leader-election.sh` for every partition, a topic's partitions, or named ones. */
export function leaderElectionCommand(bootstrap: string, type: 'preferred' | 'unclean', partitions: { topic: string; partition: number }[] | null): string {
  const words = ['kafka-leader-election.sh', '--bootstrap-server', bootstrap, '--election-type', type.toUpperCase()];
  if (partitions === null) return [...words, '--all-topic-partitions'].map(shellQuote).join(' ');
  if (partitions.length === 1) return [...words, '--topic', partitions[0]!.topic, '--partition', String(partitions[0]!.partition)].map(shellQuote).join(' ');
  const file = JSON.stringify({ partitions });
  return `echo ${shellQuote(file)} > elect-leaders.json && ${[...words, '--path-to-json-file', 'elect-leaders.json'].map(shellQuote).join(' ')}`;
}
