import { parseDecodeMode } from '@/lib/decode-mode';
import { errorResponse, withErrorHandling, type Params } from '@/lib/http';
import { userFacingError } from '@/lib/kafka/errors';
import { decodeMessages } from '@/lib/kafka/schema-registry/decode-messages';
import { openTail, type TailEvent } from '@/lib/kafka/tail';
import { sseFrame } from '@/lib/sse';
import { parseTailParams } from '@/lib/tail-params';
import type { WireMessage } from '@/lib/types/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const FRAME_MS = 100;
const FRAME_MESSAGES = 500;

/**
 * GET …/messages/stream?from=…&partitions=…&filter=…&live=…&decode=… as Server-Sent Events: `messages`
 * (a JSON array, at most every 100 ms or 500 messages), `status`, `done` and `error`. Bad input
 * and unknown topics answer JSON errors before the stream starts. The stream is pulled: a slow
 * browser slows the Kafka fetching down; closing the tab stops it.
 */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const parsed = parseTailParams(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, 'INVALID_INPUT', parsed.problem);
  const decode = parseDecodeMode(new URL(request.url).searchParams.get('decode'));
  if (!decode.ok) return errorResponse(400, 'INVALID_INPUT', decode.problem);
  const tail = await openTail(cluster, topic, parsed.params);
  const abort = new AbortController();
  request.signal.addEventListener('abort', () => abort.abort());
  const events = tail.events(abort.signal);
  // The next event being waited for; kept across pulls so a frame never waits past its 100 ms.
  let pending: Promise<IteratorResult<TailEvent>> | null = null;
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const messages: WireMessage[] = [];
          const started = Date.now();
          let tailFrames = '';
          let ended = false;
          // Gather messages into one frame until 100 ms or 500 messages; pass status/done on.
          while (messages.length < FRAME_MESSAGES) {
            pending ??= events.next();
            // With messages in hand, wait only for what is left of the frame; with none, wait for the next event.
            const left = FRAME_MS - (Date.now() - started);
            const next = messages.length
              ? await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, left)))])
              : await pending;
            if (next === null) break;
            if (next.done) {
              pending = null;
              ended = true;
              break;
            }
            if (next.value.type === 'messages') {
              if (messages.length + next.value.messages.length > FRAME_MESSAGES && messages.length) break; // stays pending
              pending = null;
              // Registry-framed keys and values decoded with their schema (or as decode= asks).
              messages.push(...(await decodeMessages(cluster, next.value.messages, decode.mode)));
              continue;
            }
            pending = null;
            tailFrames += sseFrame(next.value.type, next.value.status);
            if (next.value.type === 'done' || messages.length === 0) break;
          }
          // The browser may have gone while we waited: the stream is cancelled then, and closed.
          if (abort.signal.aborted) return;
          const frame = (messages.length ? sseFrame('messages', messages) : '') + tailFrames;
          if (frame) controller.enqueue(encoder.encode(frame));
          if (ended || abort.signal.aborted || tailFrames.includes('event: done')) controller.close();
        } catch (error) {
          if (abort.signal.aborted) return;
          controller.enqueue(encoder.encode(sseFrame('error', userFacingError(error, cluster, `tailing ${topic}`))));
          controller.close();
        }
      },
      cancel() {
        abort.abort();
        void events.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
