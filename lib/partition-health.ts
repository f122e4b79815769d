/** Partition health rules, shared by the overview, the topic list and the topic page. Pure. */

export interface PartitionReplicas {
  leader: number;
  replicas: number[];
  isr: number[];
}

/** Under-replicated: fewer in-sync replicas than assigned ones (what kafka-topics --under-replicated-partitions lists). */
export const isUnderReplicated = (p: PartitionReplicas) => p.isr.length < p.replicas.length;

/** Offline: no leader, so neither reads nor writes are possible (kafka-topics --unavailable-partitions). */
export const isOffline = (p: PartitionReplicas) => p.leader < 0;
