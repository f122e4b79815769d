import { authorize } from '@/lib/auth/authorize';
import { errorResponse, withErrorHandling, type Params } from '@/lib/http';
import { uploadLines } from '@/lib/kafka/upload';
import { uploadOptionsSchema } from '@/lib/upload-options';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST the file itself as the body (any content type). Answers a stream of JSON lines: progress
 * while it writes, then `done` (or `error`) with the exact counts written per partition.
 */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const verdict = await authorize(request.method, new URL(request.url).pathname, request.headers.get('cookie'));
  if (!verdict.ok) return errorResponse(verdict.code, verdict.message);
  const parsed = uploadOptionsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse('INVALID_INPUT', parsed.error.issues[0].message);
  if (!request.body) return errorResponse('INVALID_INPUT', 'Send the file as the request body');
  const progress = await uploadLines(cluster, topic, request.body, parsed.data);
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
          controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
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
