import { NextResponse } from 'next/server';
import { z } from '@/lib/zod';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { nameRecord } from '@/lib/name-record';
import { produceMessages } from '@/lib/kafka/produce';
import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { MAX_MESSAGES_PER_REQUEST, MAX_PARTITION_ID } from '@/lib/limits';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Headers in order, as Kafka keeps them, or for convenience an object of key → value (each key once). */
const produceHeaders = z.union(
  [
    z.array(z.object({ key: z.string({ error: 'header keys must be strings' }), value: z.string({ error: 'header values must be strings or null' }).nullable() })),
    nameRecord(z.string({ error: 'header values must be strings' }), { what: 'headers', emptyName: 'header keys cannot be empty' })
      .transform((headers) => Object.entries(headers).map(([key, value]) => ({ key, value }))),
  ],
  { error: 'headers must be a list of { key, value } (or an object of key → value)' },
);

const produceSchema = z.object({
  messages: z
    .array(
      z.object({
        key: z.string({ error: 'key must be a string' }).nullable().optional(),
        value: z.string({ error: 'value must be a string (or null for a tombstone)' }).nullable(),
        headers: produceHeaders.optional(),
        partition: z.number().int().min(0, { error: 'partition must be 0 or more' }).max(MAX_PARTITION_ID).optional(),
      }),
      { error: 'messages must be a list' },
    )
    .min(1, { error: 'send at least one message' })
    .max(MAX_MESSAGES_PER_REQUEST, { error: `at most ${MAX_MESSAGES_PER_REQUEST} messages per request; upload a file for more` }),
  compression: z.enum(COMPRESSION_CODECS, { error: `compression must be one of ${COMPRESSION_CODECS.join(', ')}` }).default('none'),
});

export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const body = await readJson(request, produceSchema);
  return NextResponse.json(await produceMessages(cluster, topic, body));
});
