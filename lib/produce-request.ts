import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { MAX_MESSAGES_PER_REQUEST, MAX_PARTITION_ID } from '@/lib/limits';
import { nameRecord } from '@/lib/name-record';
import { produceField } from '@/lib/schema-field';
import { z } from '@/lib/zod';

/** Headers in order, as Kafka keeps them, or for convenience an object of key → value (each key once). */
const produceHeaders = z.union(
  [
    z.array(
      z.object({ key: z.string({ error: 'header keys must be strings' }), value: z.string({ error: 'header values must be strings or null' }).nullable() }),
    ),
    nameRecord(z.string({ error: 'header values must be strings' }), { what: 'headers', emptyName: 'header keys cannot be empty' }).transform((headers) =>
      Object.entries(headers).map(([key, value]) => ({ key, value })),
    ),
  ],
  { error: 'headers must be a list of { key, value } (or an object of key → value)' },
);

/** The body of POST …/topics/{t}/messages. */
export const produceRequestSchema = z.object({
  messages: z
    .array(
      z.object({
        key: produceField('key').optional(),
        value: produceField('value'),
        headers: produceHeaders.optional(),
        partition: z.number().int().min(0, { error: 'partition must be 0 or more' }).max(MAX_PARTITION_ID).optional(),
      }),
      { error: 'messages must be a list' },
    )
    .min(1, { error: 'send at least one message' })
    .max(MAX_MESSAGES_PER_REQUEST, { error: `at most ${MAX_MESSAGES_PER_REQUEST} messages per request; upload a file for more` }),
  compression: z.enum(COMPRESSION_CODECS, { error: `compression must be one of ${COMPRESSION_CODECS.join(', ')}` }).default('none'),
});

/**
 * What POST …/messages takes, as the produce form sends it (key and value as text, or `{ schema,
 * json }` that the server encodes with a registry schema; headers also as an object of key → value).
 */
export type ProduceRequest = z.input<typeof produceRequestSchema>;
/** The same after the route's checks: headers as a list, compression named ('none' by default). */
export type CheckedProduceRequest = z.infer<typeof produceRequestSchema>;
