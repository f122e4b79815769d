import { z } from '@/lib/zod';
import { authorize } from '@/lib/auth/authorize';
import { errorResponse, withErrorHandling, type Params } from '@/lib/http';
import { uploadLines } from '@/lib/kafka/upload';
import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { MAX_PARTITION_ID } from '@/lib/limits';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const query = z.object({
  separator: z.string().min(1).max(16).default('\n'),
  keyed: z.enum(['true', 'false']).default('false'),
  partitioner: z.enum(['round-robin', 'key-hash', 'partition'], { error: 'partitioner must be round-robin, key-hash or partition' }).default('round-robin'),
  partition: z.coerce.number().int().min(0).max(MAX_PARTITION_ID).optional(),
  compression: z.enum(COMPRESSION_CODECS, { error: `compression must be one of ${COMPRESSION_CODECS.join(', ')}` }).default('none'),
});

/**
 * POST the file itself as the body (any content type). Answers a stream of JSON lines: progress
 * while it writes, then `done` (or `error`) with the exact counts written per partition.
 */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const verdict = await authorize(request.method, new URL(request.url).pathname, request.headers.get('cookie'));
  if (!verdict.ok) return errorResponse(verdict.status, verdict.code, verdict.message);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse(400, 'INVALID_INPUT', parsed.error.issues[0].message);
  const { separator, keyed, partitioner, partition, compression } = parsed.data;
  if (partitioner === 'partition' && partition === undefined) return errorResponse(400, 'INVALID_INPUT', 'partition is required with partitioner=partition');
  if (!request.body) return errorResponse(400, 'INVALID_INPUT', 'Send the file as the request body');
  const progress = await uploadLines(cluster, topic, request.body, {
    separator,
    keyed: keyed === 'true',
    partitioning: partitioner === 'partition' ? { kind: 'partition', partition: partition! } : { kind: partitioner },
    compression,
  });
  const encoder = new TextEncoder();
  const updates = progress();
  let last = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Progress lines at most every 200 ms, and always the last one.
      for (;;) {
        const next = await updates.next();
        if (next.done) return controller.close();
        if (next.value.type !== 'progress' || Date.now() - last >= 200) {
          last = Date.now();
          controller.enqueue(encoder.encode(JSON.stringify(next.value) + '\n'));
          return;
        }
      }
    },
    cancel() {
      void updates.return(undefined);
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
});
