import { z } from '@/lib/zod';
import { MAX_PARTITION_ID, MAX_RESET_PARTITIONS } from './limits';

/**
 * Request checks for the operator operations (delete records, group offsets, broker configs,
 * leader election): the server refuses what fails them with a 400 before anything reaches Kafka. Pure.
 */
const partitionList = z
  .array(z.number({ error: 'partitions must be a list of partition numbers' }).int().min(0).max(MAX_PARTITION_ID), {
    error: 'partitions must be a list of partition numbers',
  })
  .min(1, { error: 'name at least one partition, or leave partitions out for all' })
  .max(MAX_RESET_PARTITIONS, { error: `name at most ${MAX_RESET_PARTITIONS} partitions, or leave partitions out for all` });

/** The body of POST …/topics/{t}/delete-records. */
export const deleteRecordsSchema = z.strictObject({
  partitions: partitionList.optional(),
  beforeOffset: z
    .number({ error: 'beforeOffset must be a number' })
    .int({ error: 'beforeOffset must be a whole number' })
    .min(0, { error: 'beforeOffset must be 0 or more (leave it out to delete up to the high watermark)' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'beforeOffset is too large' })
    .optional(),
});

/** Partitions to delete from (all when left out), records before `beforeOffset` (up to the high watermark when left out). */
export type DeleteRecordsInput = z.infer<typeof deleteRecordsSchema>;

/** `?partitions=0,1` of DELETE …/groups/{g}/offsets: null when absent (all partitions), else the list, or a message. */
export function parsePartitionsParam(value: string | null): { partitions: number[] | null } | { problem: string } {
  if (value === null) return { partitions: null };
  const parts = value.split(',');
  if (parts.length > MAX_RESET_PARTITIONS) return { problem: `name at most ${MAX_RESET_PARTITIONS} partitions` };
  if (!parts.every((p) => /^\d{1,10}$/.test(p.trim()) && Number(p) <= MAX_PARTITION_ID)) {
    return { problem: `partitions must be a comma-separated list of partition numbers, not "${value.slice(0, 100)}"` };
  }
  return { partitions: [...new Set(parts.map(Number))].sort((a, b) => a - b) };
}

/** The body of POST …/elect-leaders. */
export const electLeadersSchema = z.strictObject({
  type: z.enum(['preferred', 'unclean'], { error: 'type must be "preferred" or "unclean"' }),
  partitions: z
    .array(
      z.strictObject({
        topic: z.string({ error: 'each partition needs a topic' }).min(1, { error: 'each partition needs a topic' }),
        partition: z.number({ error: 'each partition needs a partition number' }).int().min(0).max(MAX_PARTITION_ID),
      }),
      { error: 'partitions must be a list of { topic, partition }' },
    )
    .min(1, { error: 'name at least one partition, or leave partitions out for all' })
    .max(MAX_RESET_PARTITIONS, { error: `name at most ${MAX_RESET_PARTITIONS} partitions, or leave partitions out for all` })
    .optional(),
});

/** The election type, and the partitions to elect leaders for (every partition of the cluster when left out). */
export type ElectLeadersInput = z.infer<typeof electLeadersSchema>;
