import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireMessage } from '@/lib/types/messages';
import { FakeEventSource } from '@/tests/support/fake-event-source';
import { useMessageTail } from './use-message-tail';

const message = (partition: number, offset: number): WireMessage =>
  ({
    partition,
    offset,
    timestamp: 0,
    timestampType: 'CreateTime',
    key: null,
    value: `v${offset}`,
    headers: [],
    size: 2,
    valueSize: 2,
    truncated: false,
    encoding: { key: 'utf8', value: 'utf8' },
  }) as WireMessage;

/** `count` messages of partition 0 from `first` on. */
const batch = (first: number, count: number) => Array.from({ length: count }, (_, i) => message(0, first + i));

const status = (positions: Record<string, number>) => ({ scanned: 0, matched: 0, positions, endOffsets: null, caughtUp: false });

/** Lets `ms` pass on the fake clock, running the hook's timers and React's updates. */
const pass = (ms: number) => act(() => vi.advanceTimersByTime(ms));

function mountTail(props: { url: string | null; max: number; session?: string }) {
  return renderHook(({ url, max, session }) => useMessageTail(url, max, session), { initialProps: props });
}

/** Sends an event on the open stream, as the server would. */
const send = (type: string, data?: unknown) => act(() => FakeEventSource.last.emit(type, data));

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  FakeEventSource.install();
});

describe('useMessageTail', () => {
  it('opens the stream at the URL and shows a batch after a quiet spell without waiting', async () => {
    const { result } = mountTail({ url: '/stream?from=latest', max: 100 });
    expect(FakeEventSource.last.url).toBe('/stream?from=latest');
    expect(result.current.state).toBe('connecting');
    await pass(1000);
    send('messages', batch(0, 3));
    await pass(0);
    expect(result.current.state).toBe('streaming');
    expect(result.current.received).toBe(3);
    expect(result.current.messages.map((m) => m.offset)).toEqual([0, 1, 2]);
    // A lone message after a quiet spell (more than 200 ms, before the next 1 s tick) shows at once too.
    await pass(400);
    send('messages', batch(3, 1));
    await pass(0);
    expect(result.current.received).toBe(4);
  });

  it('batches renders under a firehose: at most one every 200 ms, with everything that came in between', async () => {
    const { result } = mountTail({ url: '/stream', max: 1000 });
    await pass(500);
    send('messages', batch(0, 1));
    await pass(0);
    const shown = result.current.version;
    expect(result.current.received).toBe(1);
    for (let i = 1; i <= 4; i++) {
      await pass(40);
      send('messages', batch(i * 10, 10));
    }
    // 160 ms after the last render: nothing re-rendered yet, the page still shows one message.
    expect(result.current.version).toBe(shown);
    expect(result.current.received).toBe(1);
    await pass(39);
    expect(result.current.version).toBe(shown);
    await pass(1);
    // One render at 200 ms carries all four batches.
    expect(result.current.version).toBe(shown + 1);
    expect(result.current.received).toBe(41);
  });

  it('keeps at most maxMessages, the newest, and counts the ones dropped', async () => {
    const { result, rerender } = mountTail({ url: '/stream', max: 5 });
    send('messages', batch(0, 4));
    send('messages', batch(4, 4));
    await pass(200);
    expect(result.current.messages.map((m) => m.offset)).toEqual([3, 4, 5, 6, 7]);
    expect(result.current.received).toBe(8);
    expect(result.current.dropped).toBe(3);
    // A smaller cap trims at once, without reopening the stream (which would read everything again).
    rerender({ url: '/stream', max: 2 });
    await pass(200);
    expect(result.current.messages.map((m) => m.offset)).toEqual([6, 7]);
    expect(result.current.dropped).toBe(6);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('pauses (closes the stream, rate 0) and resumes the same session with its messages kept', async () => {
    const { result, rerender } = mountTail({ url: '/stream?from=latest', max: 100, session: 'a' });
    send('messages', batch(0, 10));
    await pass(1000);
    expect(result.current.rate).toBeGreaterThan(0);
    const first = FakeEventSource.last;
    rerender({ url: null, max: 100, session: 'a' });
    expect(first.closed).toBe(true);
    expect(result.current.state).toBe('paused');
    expect(result.current.rate).toBe(0);
    expect(result.current.positions()).toEqual({ 0: 10 });
    // Resume where it stopped: a new stream, the old messages and counts stay.
    rerender({ url: '/stream?from=offset:10', max: 100, session: 'a' });
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.last.url).toBe('/stream?from=offset:10');
    send('messages', batch(10, 2));
    await pass(200);
    expect(result.current.messages.map((m) => m.offset)).toEqual(batch(0, 12).map((m) => m.offset));
    expect(result.current.received).toBe(12);
  });

  it('a new session starts empty', async () => {
    const { result, rerender } = mountTail({ url: '/stream?p=1', max: 3, session: 'a' });
    send('messages', batch(0, 5));
    await pass(200);
    expect(result.current.dropped).toBe(2);
    rerender({ url: '/stream?p=2', max: 3, session: 'b' });
    expect(FakeEventSource.instances[0].closed).toBe(true);
    send('messages', [message(1, 7)]);
    await pass(200);
    expect(result.current.messages).toEqual([message(1, 7)]);
    expect(result.current).toMatchObject({ received: 1, dropped: 0 });
    expect(result.current.positions()).toEqual({ 1: 8 });
  });

  it('measures the rate over the last seconds, and it falls to 0 when messages stop', async () => {
    const { result } = mountTail({ url: '/stream', max: 1000 });
    send('messages', batch(0, 30));
    await pass(1000);
    send('messages', batch(30, 30));
    await pass(1000);
    // 60 messages over the 2 s since the first batch.
    expect(result.current.rate).toBe(30);
    await pass(6000);
    expect(result.current.rate).toBe(0);
  });

  it('resumes from the furthest of the server status and the messages seen', async () => {
    const { result } = mountTail({ url: '/stream', max: 100 });
    send('status', status({ 0: 5, 1: 40, 2: 0 }));
    send('messages', [message(0, 9), message(2, 3)]);
    await pass(200);
    expect(result.current.positions()).toEqual({ 0: 10, 1: 40, 2: 4 });
  });

  it('on done, closes the stream and says so', async () => {
    const { result } = mountTail({ url: '/stream?live=false', max: 100 });
    send('messages', batch(0, 2));
    send('done', { ...status({ 0: 2 }), caughtUp: true });
    await pass(200);
    expect(result.current.state).toBe('done');
    expect(result.current.status?.caughtUp).toBe(true);
    expect(FakeEventSource.last.closed).toBe(true);
  });

  it('on an error, closes the stream (no automatic reconnect, which would read twice) and shows why', async () => {
    const { result } = mountTail({ url: '/stream', max: 100 });
    send('error', { code: 'KAFKA_UNAVAILABLE', message: 'No broker answered' });
    expect(result.current).toMatchObject({ state: 'error', error: 'No broker answered' });
    expect(FakeEventSource.last.closed).toBe(true);
    // The browser's own error event has no data: the connection itself was lost.
    const second = mountTail({ url: '/stream?again', max: 100 });
    send('error');
    expect(second.result.current).toMatchObject({ state: 'error', error: 'The connection to the dashboard server was lost' });
    expect(FakeEventSource.last.closed).toBe(true);
  });

  it('clear empties the buffer and the counts but keeps streaming', async () => {
    const { result } = mountTail({ url: '/stream', max: 3 });
    send('messages', batch(0, 5));
    await pass(200);
    act(() => result.current.clear());
    expect(result.current).toMatchObject({ messages: [], received: 0, dropped: 0, state: 'streaming' });
    send('messages', batch(5, 1));
    await pass(200);
    expect(result.current.messages.map((m) => m.offset)).toEqual([5]);
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
