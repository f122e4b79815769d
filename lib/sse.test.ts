import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventStream, MESSAGES_FRAME_HEAD, MESSAGES_FRAME_TAIL, sseFrame, type StreamEvent } from './sse';
import type { TailStatus, WireMessage } from './types/messages';

const message = (offset: number) => ({ partition: 0, offset }) as WireMessage;
const status = (scanned: number) => ({ scanned, matched: scanned, positions: {}, endOffsets: null, caughtUp: false }) as TailStatus;

/** Reads the stream's frames as [event, data] pairs until it closes or `count` frames came. */
async function frames(stream: ReadableStream<Uint8Array>, count = Infinity) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const out: [string, unknown][] = [];
  let text = '';
  while (out.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
      const [event, data] = text.slice(0, end).split('\n');
      out.push([event.slice('event: '.length), JSON.parse(data.slice('data: '.length))]);
      text = text.slice(end + 2);
    }
  }
  reader.releaseLock();
  return out;
}

const options = (overrides: Partial<Parameters<typeof eventStream>[1]> = {}) => ({
  abort: new AbortController(),
  decode: (messages: WireMessage[]) => messages,
  onError: (error: unknown) => ({ code: 'X', message: String((error as Error).message) }),
  ...overrides,
});

afterEach(() => vi.useRealTimers());

describe('sseFrame', () => {
  it('puts the JSON on one data line', () => {
    expect(sseFrame('status', { a: 'x\ny' })).toBe('event: status\ndata: {"a":"x\\ny"}\n\n');
  });
});

describe('eventStream', () => {
  it('gathers consecutive messages into one frame, passes status on and closes after done', async () => {
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'status', status: status(0) };
      yield { type: 'messages', messages: [message(0), message(1)] };
      yield { type: 'messages', messages: [message(2)] };
      yield { type: 'done', status: status(3) };
    }
    const got = await frames(eventStream(events(), options()));
    expect(got).toEqual([
      ['status', status(0)],
      ['messages', [message(0), message(1), message(2)]],
      ['done', status(3)],
    ]);
  });

  it('joins serialized messages (from the worker thread) and mapped ones into one array, in order; decode sees only the mapped', async () => {
    const encoded = (...offsets: number[]) => ({
      type: 'encoded' as const,
      count: offsets.length,
      json: new TextEncoder().encode(offsets.map((o) => JSON.stringify(message(o))).join(',')),
    });
    async function* events(): AsyncGenerator<StreamEvent> {
      yield encoded(0, 1);
      yield { type: 'messages', messages: [message(2)] };
      yield encoded(3);
      yield encoded(4, 5); // over frameMessages (5): the next frame
      yield { type: 'done', status: status(6) };
    }
    const decoded: number[] = [];
    const decode = (messages: WireMessage[]) => {
      decoded.push(...messages.map((m) => m.offset));
      return messages;
    };
    const got = await frames(eventStream(events(), options({ decode, frameMessages: 5 })));
    expect(got).toEqual([
      ['messages', [0, 1, 2, 3].map(message)],
      ['messages', [4, 5].map(message)],
      ['done', status(6)],
    ]);
    expect(decoded).toEqual([2]);
  });

  it('sends the ready frame of a worker thread as it is when its messages fill the frame alone, and joins it with others otherwise', async () => {
    const framed = (...offsets: number[]) => {
      const json = new TextEncoder().encode(offsets.map((o) => JSON.stringify(message(o))).join(','));
      const frame = Buffer.concat([MESSAGES_FRAME_HEAD, json, MESSAGES_FRAME_TAIL]);
      return { type: 'encoded' as const, count: offsets.length, json: frame.subarray(MESSAGES_FRAME_HEAD.length, -MESSAGES_FRAME_TAIL.length), frame };
    };
    const alone = framed(0, 1);
    async function* events(): AsyncGenerator<StreamEvent> {
      yield alone; // fills the frame (frameMessages 2)
      yield framed(2);
      yield framed(3); // joined with the one before
    }
    const reader = eventStream(events(), options({ frameMessages: 2 })).getReader();
    const first = await reader.read();
    expect(first.value).toBe(alone.frame); // the very bytes, not a copy
    const second = await reader.read();
    expect(second.value).not.toBe(alone.frame);
    expect(new TextDecoder().decode(second.value)).toBe(`event: messages\ndata: ${JSON.stringify([message(2), message(3)])}\n\n`);
    expect((await reader.read()).done).toBe(true);
  });

  it('never puts more than frameMessages in a frame: the rest waits for the next one', async () => {
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'messages', messages: [message(0), message(1)] };
      yield { type: 'messages', messages: [message(2), message(3)] };
    }
    const got = await frames(eventStream(events(), options({ frameMessages: 3 })));
    expect(got.map(([, data]) => (data as WireMessage[]).map((m) => m.offset))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('sends what it has after frameMs instead of waiting for a slow next event', async () => {
    let release!: () => void;
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'messages', messages: [message(0)] };
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      yield { type: 'messages', messages: [message(1)] };
    }
    const started = Date.now();
    const [first] = await frames(eventStream(events(), options({ frameMs: 30 })), 1);
    expect(first).toEqual(['messages', [message(0)]]);
    expect(Date.now() - started).toBeLessThan(2000); // not held until the next event (which never comes here)
    release();
  });

  it('decodes each batch before framing it', async () => {
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'messages', messages: [message(5)] };
    }
    const got = await frames(eventStream(events(), options({ decode: async (ms) => ms.map((m) => ({ ...m, value: 'decoded' })) })));
    expect(got).toEqual([['messages', [{ ...message(5), value: 'decoded' }]]]);
  });

  it('ends with an error frame when the events throw', async () => {
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'status', status: status(0) };
      throw new Error('broker gone');
    }
    expect(await frames(eventStream(events(), options()))).toEqual([
      ['status', status(0)],
      ['error', { code: 'X', message: 'broker gone' }],
    ]);
  });

  it('cancelling aborts the producer and ends its generator', async () => {
    let finished = false;
    async function* events(): AsyncGenerator<StreamEvent> {
      try {
        for (let i = 0; ; i++) yield { type: 'messages', messages: [message(i)] };
      } finally {
        finished = true;
      }
    }
    const abort = new AbortController();
    const stream = eventStream(events(), options({ abort, frameMs: 5 }));
    await frames(stream, 1);
    await stream.cancel();
    expect(abort.signal.aborted).toBe(true);
    await vi.waitFor(() => expect(finished).toBe(true));
  });
});
