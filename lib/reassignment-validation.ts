import { z } from '@/lib/zod';

/**
 * Request bodies of the reassignment API, checked before anything reaches Kafka. Pure, shared by
 * the route handlers and the forms. Checks that need the cluster (known brokers, partitions) are
 * in lib/kafka/reassignments.ts.
 */
const brokerId = z.number({ error: 'Broker ids are numbers' }).int({ error: 'Broker ids are whole numbers' }).min(0, { error: 'Broker ids are at least 0' });
const partitionIndex = z
  .number({ error: 'Partitions are numbers' })
  .int({ error: 'Partitions are whole numbers' })
  .min(0, { error: 'Partitions are at least 0' });
const topicName = z
  .string({ error: 'Topic names are strings' })
  .min(1, { error: 'A topic name is empty' })
  .max(249, { error: 'A topic name is longer than 249 characters' });
const MAX_PARTITIONS_PER_REQUEST = 10_000;

const noDuplicateBrokers = (ids: number[], ctx: z.RefinementCtx, where: string) => {
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `Broker ${id} is listed twice${where}` });
    seen.add(id);
  }
};

const noDuplicatePartitions = (partitions: { topic: string; partition: number }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  for (const { topic, partition } of partitions) {
    const key = `${topic}\u0000${partition}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `${topic}-${partition} is listed twice` });
    seen.add(key);
  }
};

export const planRequestSchema = z.object({
  topics: z
    .array(topicName)
    .min(1, { error: 'Choose at least one topic' })
    .max(1000)
    .refine((t) => new Set(t).size === t.length, { error: 'A topic is listed twice' }),
  brokers: z
    .array(brokerId)
    .min(1, { error: 'Choose at least one target broker' })
    .max(10_000)
    .superRefine((ids, ctx) => noDuplicateBrokers(ids, ctx, ' in the target brokers')),
  replicationFactor: z
    .number()
    .int({ error: 'The replication factor must be a whole number' })
    .min(1, { error: 'The replication factor must be at least 1' })
    .optional(),
});
export type PlanRequest = z.infer<typeof planRequestSchema>;

export const executeRequestSchema = z.object({
  partitions: z
    .array(
      z.object({
        topic: topicName,
        partition: partitionIndex,
        replicas: z.array(brokerId).min(1, { error: 'A partition needs at least one replica' }),
      }),
    )
    .min(1, { error: 'List at least one partition to reassign' })
    .max(MAX_PARTITIONS_PER_REQUEST)
    .superRefine((partitions, ctx) => {
      noDuplicatePartitions(partitions, ctx);
      for (const p of partitions) noDuplicateBrokers(p.replicas, ctx, ` in the replicas of ${p.topic}-${p.partition}`);
      // A topic's partitions share one replication factor: a request that would mix them is a mistake.
      const factors = new Map<string, number>();
      for (const p of partitions) {
        const seen = factors.get(p.topic);
        if (seen !== undefined && seen !== p.replicas.length) {
          ctx.addIssue({ code: 'custom', message: `The partitions of ${p.topic} are given different numbers of replicas (${seen} and ${p.replicas.length})` });
        }
        factors.set(p.topic, p.replicas.length);
      }
    }),
  throttleBytesPerSec: z
    .number({ error: 'The throttle is a number of bytes per second' })
    .int({ error: 'The throttle is a whole number of bytes per second' })
    .min(1, { error: 'The throttle must be at least 1 byte per second' })
    .optional(),
});
export type ExecuteRequest = z.infer<typeof executeRequestSchema>;

export const cancelRequestSchema = z.object({
  partitions: z
    .array(z.object({ topic: topicName, partition: partitionIndex }))
    .min(1, { error: 'List at least one partition whose reassignment to cancel' })
    .max(MAX_PARTITIONS_PER_REQUEST)
    .superRefine(noDuplicatePartitions),
});
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

/**
 * The topic configs Kafka's tool sets for a throttled move: the replicas that send (the current
 * ones, leader side) and the ones that receive (the new ones, follower side), as "partition:broker".
 */
export function throttledReplicas(partitions: { partition: number; current: number[]; replicas: number[] }[]): { leader: string; follower: string } {
  const leader: string[] = [];
  const follower: string[] = [];
  for (const p of partitions) {
    for (const id of p.current) leader.push(`${p.partition}:${id}`);
    for (const id of p.replicas) if (!p.current.includes(id)) follower.push(`${p.partition}:${id}`);
  }
  return { leader: leader.join(','), follower: follower.join(',') };
}
