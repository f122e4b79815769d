import type { TopicPartition } from '@/lib/types/topics';

/** The partitions × brokers grid of a topic, with per-broker totals so skew shows. Pure. */

export type ReplicaCell = 'leader' | 'in-sync' | 'out-of-sync' | 'offline' | null;

export interface ReplicaLayout {
  brokers: number[];
  rows: { partition: number; cells: ReplicaCell[] }[];
  totals: { broker: number; replicas: number; leaders: number }[];
}

export function replicaLayout(partitions: TopicPartition[], liveBrokers: number[]): ReplicaLayout {
  const brokers = [...new Set([...liveBrokers, ...partitions.flatMap((p) => p.replicas)])].sort((a, b) => a - b);
  const rows = partitions.map((p) => ({
    partition: p.partition,
    cells: brokers.map((b): ReplicaCell => {
      if (!p.replicas.includes(b)) return null;
      if (p.offlineReplicas.includes(b) || !liveBrokers.includes(b)) return 'offline';
      if (p.leader === b) return 'leader';
      return p.isr.includes(b) ? 'in-sync' : 'out-of-sync';
    }),
  }));
  const totals = brokers.map((broker) => ({
    broker,
    replicas: partitions.filter((p) => p.replicas.includes(broker)).length,
    leaders: partitions.filter((p) => p.leader === broker).length,
  }));
  return { brokers, rows, totals };
}
