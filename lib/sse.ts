/** Server-Sent Events framing. Pure. */
import type { TailStatus, WireMessage } from '@/lib/types/messages';

/** What starts an SSE frame: `event: name`, then the data on one line (JSON never contains a raw newline)… */
const frameStart = (event: string) => `event: ${event}\ndata: `;
/** …and what ends it. */
const FRAME_END = '\n\n';

/** One SSE frame with `data` as JSON. */
export function sseFrame(event: string, data: unknown): string {
  return frameStart(event) + JSON.stringify(data) + FRAME_END;
}

/**
 * What a tail yields (lib/kafka/tail-follow.ts, tail-page.ts); `encoded` is `count` messages already
 * serialized (tail-encode.ts), with `frame` their `messages` frame when they make one on their own.
 */
export type StreamEvent =
  | { type: 'messages'; messages: WireMessage[] }
  | { type: 'encoded'; count: number; json: Uint8Array; frame?: Uint8Array }
  | { type: 'status'; status: TailStatus }
  | { type: 'done'; status: TailStatus };

/** A frame's messages in order: mapped ones (decoded by `decode`) and serialized ones. */
type FramePart = WireMessage[] | Uint8Array;

const utf8 = new TextEncoder();

/** What comes before and after a `messages` frame's messages (a worker thread writes them around its own: tail-encode.ts). */
export const MESSAGES_FRAME_HEAD = utf8.encode(`${frameStart('messages')}[`);
export const MESSAGES_FRAME_TAIL = utf8.encode(`]${FRAME_END}`);

/** A `messages` frame from parts in order: one JSON array, serialized parts joined in as they are. */
function messagesFrame(parts: FramePart[]): Uint8Array {
  const pieces: Uint8Array[] = [MESSAGES_FRAME_HEAD];
  for (const part of parts) {
    if (part.length === 0) continue;
    if (pieces.length > 1) pieces.push(utf8.encode(','));
    pieces.push(part instanceof Uint8Array ? part : utf8.encode(JSON.stringify(part).slice(1, -1)));
  }
  pieces.push(MESSAGES_FRAME_TAIL);
  return Buffer.concat(pieces);
}

export interface EventStreamOptions {
  /** Aborted when the browser goes; the events' producer watches it. */
  abort: AbortController;
  /** Messages as the browser gets them (e.g. registry-framed values decoded). */
  decode: (messages: WireMessage[]) => Promise<WireMessage[]> | WireMessage[];
  /** The `error` frame's data for an error that ends the stream. */
  onError: (error: unknown) => unknown;
  /** A frame waits at most this long for more messages (default 100 ms)… */
  frameMs?: number;
  /** …or until it holds this many (default 500). */
  frameMessages?: number;
}

/**
 * A tail's events as an SSE byte stream: `messages` frames (a JSON array, at most every 100 ms or
 * 500 messages), `status`, `done` and `error`. Pulled: the next events are asked for only when the
 * browser has read the previous frame, so a slow browser slows the Kafka fetching down.
 */
export function eventStream(events: AsyncGenerator<StreamEvent>, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { abort, decode, onError, frameMs = 100, frameMessages = 500 } = options;
  // The next event being waited for; kept across pulls so a frame never waits past its frameMs.
  let pending: Promise<IteratorResult<StreamEvent>> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const parts: FramePart[] = [];
          /** The frame already made for the first part, while it is the only one (no copy then). */
          let made: Uint8Array | undefined;
          let count = 0;
          const started = Date.now();
          let tailFrames = '';
          let ended = false;
          // Gather messages into one frame until frameMs or frameMessages; pass status/done on.
          while (count < frameMessages) {
            pending ??= events.next();
            // With messages in hand, wait only for what is left of the frame; with none, for the next event.
            const left = frameMs - (Date.now() - started);
            const next = count
              ? await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, left)))])
              : await pending;
            if (next === null) break;
            if (next.done) {
              pending = null;
              ended = true;
              break;
            }
            if (next.value.type === 'messages' || next.value.type === 'encoded') {
              const adding = next.value.type === 'messages' ? next.value.messages.length : next.value.count;
              if (count + adding > frameMessages && count) break; // stays pending
              pending = null;
              made = parts.length === 0 && next.value.type === 'encoded' ? next.value.frame : undefined;
              parts.push(next.value.type === 'messages' ? await decode(next.value.messages) : next.value.json);
              count += adding;
              continue;
            }
            pending = null;
            tailFrames += sseFrame(next.value.type, next.value.status);
            if (next.value.type === 'done' || count === 0) break;
          }
          // The browser may have gone while we waited: the stream is cancelled then, and closed.
          if (abort.signal.aborted) return;
          if (count) controller.enqueue(made ?? messagesFrame(parts));
          if (tailFrames) controller.enqueue(utf8.encode(tailFrames));
          if (ended || tailFrames.includes('event: done')) controller.close();
        } catch (error) {
          if (abort.signal.aborted) return;
          controller.enqueue(utf8.encode(sseFrame('error', onError(error))));
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
}
