import { parseDecodeMode } from '@/lib/decode-mode';
import { errorResponse, withErrorHandling, type Params } from '@/lib/http';
import { userFacingError } from '@/lib/kafka/errors';
import { decodeMessages } from '@/lib/kafka/schema-registry/decode-messages';
import { openTail } from '@/lib/kafka/tail';
import { eventStream } from '@/lib/sse';
import { parseTailParams } from '@/lib/tail-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET …/messages/stream?from=…&partitions=…&filter=…&live=…&decode=… as Server-Sent Events: `messages`
 * (a JSON array, at most every 100 ms or 500 messages), `status`, `done` and `error`. Bad input
 * and unknown topics answer JSON errors before the stream starts. The stream is pulled: a slow
 * browser slows the Kafka fetching down; closing the tab stops it.
 */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const parsed = parseTailParams(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse('INVALID_INPUT', parsed.problem);
  const decode = parseDecodeMode(new URL(request.url).searchParams.get('decode'));
  if (!decode.ok) return errorResponse('INVALID_INPUT', decode.problem);
  const tail = await openTail(cluster, topic, parsed.params, decode.mode);
  const abort = new AbortController();
  request.signal.addEventListener('abort', () => abort.abort());
  const stream = eventStream(tail.events(abort.signal), {
    abort,
    // Registry-framed keys and values decoded with their schema, or as decode= asks (the messages the
    // worker threads did not already decode: tail.ts).
    decode: (messages) => decodeMessages(cluster, messages, decode.mode),
    onError: (error) => userFacingError(error, cluster, `tailing ${topic}`),
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
