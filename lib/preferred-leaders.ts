/**
 * Partitions led by a replica other than their preferred one (the first replica listed), which
 * `kafka-leader-election --election-type PREFERRED` would move back. Offline partitions (no
 * leader) are not counted: they need another remedy. Pure.
 */
export interface NonPreferredLeader {
  topic: string;
  partition: number;
  leader: number;
  preferred: number;
}

export function nonPreferredLeaders(
  topics: { topic: string; partitionMetadata: { partitionId: number; leader: number; replicas: number[] }[] }[],
): NonPreferredLeader[] {
  const found: NonPreferredLeader[] = [];
  for (const { topic, partitionMetadata } of topics) {
    for (const p of partitionMetadata) {
      const preferred = p.replicas[0];
      if (p.leader >= 0 && preferred !== undefined && p.leader !== preferred) found.push({ topic, partition: p.partitionId, leader: p.leader, preferred });
    }
  }
  return found.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}
