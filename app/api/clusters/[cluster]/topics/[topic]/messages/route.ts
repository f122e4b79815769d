import { NextResponse } from 'next/server';
import { z } from '@/lib/zod';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { produceMessages } from '@/lib/kafka/produce';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const produceSchema = z.object({
  messages: z
    .array(
      z.object({
        key: z.string({ error: 'key must be a string' }).nullable().optional(),
        value: z.string({ error: 'value must be a string (or null for a tombstone)' }).nullable(),
        headers: z.record(z.string(), z.string({ error: 'header values must be strings' })).optional(),
        partition: z.number().int().min(0, { error: 'partition must be 0 or more' }).optional(),
      }),
      { error: 'messages must be a list' },
    )
    .min(1, { error: 'send at least one message' })
    .max(1000, { error: 'at most 1000 messages per request; upload a file for more' }),
});

export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const body = await readJson(request, produceSchema);
  return NextResponse.json(await produceMessages(cluster, topic, body));
});
