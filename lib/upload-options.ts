import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { MAX_PARTITION_ID } from '@/lib/limits';
import { z } from '@/lib/zod';

/**
 * How a file is cut into messages and spread over partitions: the upload route's query string,
 * parsed here, and the type the upload form and the browser's `uploadFile` build (`z.infer`), so
 * the two sides cannot drift. Browser-safe.
 */
export const uploadOptionsSchema = z
  .object({
    separator: z.string().min(1).max(16).default('\n'),
    keyed: z
      .enum(['true', 'false'])
      .default('false')
      .transform((keyed) => keyed === 'true'),
    partitioner: z.enum(['round-robin', 'key-hash', 'partition'], { error: 'partitioner must be round-robin, key-hash or partition' }).default('round-robin'),
    partition: z.coerce.number().int().min(0).max(MAX_PARTITION_ID).optional(),
    compression: z.enum(COMPRESSION_CODECS, { error: `compression must be one of ${COMPRESSION_CODECS.join(', ')}` }).default('none'),
  })
  .refine((options) => options.partitioner !== 'partition' || options.partition !== undefined, { error: 'partition is required with partitioner=partition' });

export type UploadOptions = z.infer<typeof uploadOptionsSchema>;

/** The query string the upload route parses back into the same options. */
export function uploadQuery(options: UploadOptions): URLSearchParams {
  const query = new URLSearchParams({ separator: options.separator, keyed: String(options.keyed), partitioner: options.partitioner });
  if (options.partitioner === 'partition') query.set('partition', String(options.partition ?? 0));
  if (options.compression !== 'none') query.set('compression', options.compression);
  return query;
}
