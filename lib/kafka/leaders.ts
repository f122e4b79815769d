import type { RawMetadata } from './protocol';

/**
 * Grouping partitions by the broker that leads them: Fetch, ListOffsets, DeleteRecords and
 * DescribeProducers go to a partition's leader, one request per broker for all its partitions.
 */

/** `items` grouped by `keyOf`, in first-seen order, each kept as `valueFor` makes it. */
export function groupBy<T, K, V>(items: Iterable<T>, keyOf: (item: T) => K, valueFor: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueFor(item));
    else groups.set(key, [valueFor(item)]);
  }
  return groups;
}

/** `items` by their partition's leader; leaderless ones (leader -1, or not known) are left out. */
export function groupByLeader<T, V>(items: Iterable<T>, leaderOf: (item: T) => number | undefined, valueFor: (item: T) => V): Map<number, V[]> {
  const led = [...items].filter((item) => (leaderOf(item) ?? -1) >= 0);
  return groupBy(led, (item) => leaderOf(item)!, valueFor);
}

/** The partitions (of `topics`, or all) by leader, then by topic, as Kafka's requests nest them. */
export function partitionsByLeader(metadata: RawMetadata, topics: Set<string> | null): Map<number, Map<string, number[]>> {
  const partitions = metadata.topicMetadata
    .filter((t) => !topics || topics.has(t.topic))
    .flatMap((t) => t.partitionMetadata.map((p) => ({ topic: t.topic, partition: p.partitionId, leader: p.leader })));
  const byLeader = groupByLeader(
    partitions,
    (p) => p.leader,
    (p) => p,
  );
  return new Map(
    [...byLeader].map(([leader, led]) => [
      leader,
      groupBy(
        led,
        (p) => p.topic,
        (p) => p.partition,
      ),
    ]),
  );
}
