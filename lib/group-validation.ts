import { z } from '@/lib/zod';
import { MAX_PARTITION_ID, MAX_RESET_PARTITIONS } from './limits';

/** The body of POST …/groups/{g}/offsets. Pure. */
export const resetOffsetsSchema = z
  .object({
    topic: z.string({ error: 'topic is required' }).min(1, { error: 'topic is required' }),
    partitions: z
      .array(z.number().int().min(0).max(MAX_PARTITION_ID), { error: 'partitions must be a list of partition numbers' })
      .min(1)
      .max(MAX_RESET_PARTITIONS, { error: `name at most ${MAX_RESET_PARTITIONS} partitions, or leave partitions out for all` })
      .optional(),
    to: z.enum(['earliest', 'latest', 'timestamp', 'offset', 'shift'], { error: 'to must be earliest, latest, timestamp, offset or shift' }),
    value: z.number({ error: 'value must be a number' }).int({ error: 'value must be a whole number' }).optional(),
    dryRun: z.boolean({ error: 'dryRun must be true or false' }).optional(),
  })
  .refine((r) => !['timestamp', 'offset', 'shift'].includes(r.to) || r.value !== undefined, {
    error: 'value is required for timestamp, offset and shift',
  });

export type ResetOffsetsRequest = z.infer<typeof resetOffsetsSchema>;
