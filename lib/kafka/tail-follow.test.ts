import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeRecordSet, type EncodeJob } from './tail-encode';
import type { TailEvent } from './tail-follow';
import { drain, FakeCluster, follow, inThreadEncoder, offsetsOf, range } from './tail-follow.fixtures';
afterEach(() => vi.useRealTimers());

describe('followTail', () => {
  it('reads each partition from its leader to the end seen at opening, in offset order, 500 at most per event', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1200 }, 1: { leader: 2, records: 7 }, 2: { leader: 1, records: 0 } });
    const events = await drain(follow(cluster).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1200));
    expect(offsetsOf(events, 1)).toEqual(range(0, 7));
    expect(events.every((e) => e.type !== 'messages' || e.messages.length <= 500)).toBe(true);
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.type === 'done' && done.status).toMatchObject({ scanned: 1207, matched: 1207, positions: { 0: 1200, 1: 7, 2: 0 }, caughtUp: true });
    // One fetch per leader at a time: broker 1 was asked for partitions 0 (and 2, empty) together.
    expect(cluster.fetches[0]).toEqual({ broker: 1, partitions: [{ partition: 0, offset: 0 }] });
  });

  it('with the worker thread: sends what it serialized, in offset order, and reads on here from a value it leaves', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1200 }, 1: { leader: 2, records: 7 } });
    cluster.recordSets = true;
    cluster.logs.get(0)![700].value = Buffer.from([0, 0, 0, 0, 1, 42]); // may be registry-framed: the main thread's
    const events = await drain(follow(cluster, { encoder: inThreadEncoder }).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1200));
    expect(offsetsOf(events, 1)).toEqual(range(0, 7));
    const encoded = events.flatMap((e) => (e.type === 'encoded' ? [e.count] : []));
    expect(encoded.length).toBeGreaterThan(0);
    expect(encoded.every((count) => count <= 500)).toBe(true);
    expect(events.some((e) => e.type === 'messages' && e.messages.some((m) => m.offset === 700))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', status: { scanned: 1207, matched: 1207, positions: { 0: 1200, 1: 7 }, caughtUp: true } });
  });

  it('with record sets, fetches the next part of a partition while it still reads the last one, each record once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1300 }, 1: { leader: 1, records: 40 } });
    cluster.recordSets = true;
    cluster.perFetch = 500;
    const { events } = follow(cluster);
    expect((await events.next()).value).toMatchObject({ type: 'status' });
    expect((await events.next()).value).toMatchObject({ type: 'messages' }); // offsets 0–499 of partition 0
    // Its batch header said where it ends: offsets 500 on went out before these 500 were read.
    expect(cluster.fetches.map((f) => f.partitions)).toEqual([
      [
        { partition: 0, offset: 0 },
        { partition: 1, offset: 0 },
      ],
      [{ partition: 0, offset: 500 }],
    ]);
    const rest = await drain(events);
    expect(offsetsOf(rest, 0)).toEqual(range(500, 1300));
    expect(offsetsOf(rest, 1)).toEqual(range(0, 40));
    expect(rest.at(-1)).toMatchObject({ type: 'done', status: { positions: { 0: 1300, 1: 40 }, caughtUp: true } });
    expect(cluster.fetches.flatMap((f) => f.partitions).filter((p) => p.partition === 0)).toHaveLength(3); // 0, 500, 1000
  });

  it('with the worker thread: encodes an answer as it arrives, before the tail reads it, and each answer once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1300 } });
    cluster.recordSets = true;
    cluster.perFetch = 500;
    const jobs: number[] = [];
    const encoder = {
      ...inThreadEncoder,
      encode: async (job: EncodeJob) => {
        jobs.push(job.from);
        return encodeRecordSet(job);
      },
    };
    const { events } = follow(cluster, { encoder });
    expect((await events.next()).value).toMatchObject({ type: 'status' });
    expect((await events.next()).value).toMatchObject({ type: 'encoded', count: 500 }); // offsets 0–499
    expect(jobs).toEqual([0, 500]); // offsets 500 on were fetched and are being encoded meanwhile
    const rest = await drain(events);
    expect(offsetsOf(rest, 0)).toEqual(range(500, 1300));
    expect(jobs).toEqual([0, 500, 1000]);
  });

  it('with record sets, a retention skip is read before the partition is fetched again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 900 } });
    cluster.recordSets = true;
    cluster.perFetch = 300;
    cluster.logStart.set(0, 600); // gone between opening and reading
    const seen = await drain(follow(cluster).events);
    expect(offsetsOf(seen, 0)).toEqual(range(600, 900));
    // The answer OFFSET_OUT_OF_RANGE says nothing of where to go on: no fetch from 0 again meanwhile.
    expect(cluster.fetches.map((f) => f.partitions[0].offset)).toEqual([0, 600]);
  });

  it('one slow leader does not hold back the partitions of the others', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 3 }, 1: { leader: 2, records: 3 } });
    cluster.gates.set(2, new Promise((resolve) => setTimeout(resolve, 30_000))); // broker 2 answers after 30 s
    const { events, abort } = follow(cluster, { live: true });
    const seen: TailEvent[] = [];
    const run = (async () => {
      for await (const e of events) seen.push(e);
    })();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(offsetsOf(seen, 0)).toEqual([0, 1, 2]);
    expect(offsetsOf(seen, 1)).toEqual([]);
    cluster.append(0, 2); // new messages on the fast broker keep coming while broker 2 is still silent
    await vi.advanceTimersByTimeAsync(1_000);
    expect(offsetsOf(seen, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(cluster.fetches.filter((f) => f.broker === 2)).toHaveLength(1); // never a second fetch in flight to it
    await vi.advanceTimersByTimeAsync(30_000);
    expect(offsetsOf(seen, 1)).toEqual([0, 1, 2]);
    abort.abort();
    await vi.advanceTimersByTimeAsync(1_000);
    await run;
  });

  it('follows a partition whose leader moves, with nothing skipped or read twice', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 250 } });
    cluster.perFetch = 100;
    const { events } = follow(cluster);
    const seen: TailEvent[] = [];
    const first = await events.next(); // the opening status
    seen.push(first.value as TailEvent);
    const second = await events.next(); // offsets 0–99 from broker 1
    seen.push(second.value as TailEvent);
    cluster.leaders.set(0, 3); // leadership moves; Metadata still names broker 1 for a moment
    const rest = drain(events);
    await vi.advanceTimersByTimeAsync(100);
    cluster.advertised.set(0, 3);
    seen.push(...(await rest));
    expect(offsetsOf(seen, 0)).toEqual(range(0, 250));
    expect(cluster.fetches.some((f) => f.broker === 3)).toBe(true);
    expect(seen.at(-1)!.type).toBe('done');
  });

  it('an abort in the middle of a big fetch ends the tail at once, without done and without another fetch', async () => {
    const cluster = new FakeCluster({ 0: { leader: 1, records: 2000 } });
    const { events, abort } = follow(cluster);
    expect((await events.next()).value).toMatchObject({ type: 'status' });
    const batch = await events.next();
    expect(batch.value).toMatchObject({ type: 'messages' });
    expect((batch.value as { messages: unknown[] }).messages).toHaveLength(500);
    abort.abort();
    const rest: TailEvent[] = [];
    for await (const e of events) rest.push(e);
    expect(rest).toEqual([]);
    expect(cluster.fetches).toHaveLength(1);
  });

  it('skips ahead to the new log start when retention deleted what it was about to read, and says so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 80 }, 1: { leader: 2, records: 5 } });
    cluster.logStart.set(0, 50); // offsets 0–49 of partition 0 are gone
    const { events } = follow(cluster);
    const seen = await drain(events);
    expect(offsetsOf(seen, 0)).toEqual(range(50, 80));
    expect(offsetsOf(seen, 1)).toEqual(range(0, 5));
    const notes = seen.flatMap((e) => (e.type === 'messages' || e.type === 'encoded' ? [] : [e.status.note])).filter(Boolean);
    expect(notes).toContain('partition 0: older messages were deleted by retention; skipped ahead to offset 50');
    // Still said at the end: a note that lasted one round would never reach the page.
    expect(seen.at(-1)).toMatchObject({ type: 'done', status: { note: 'partition 0: older messages were deleted by retention; skipped ahead to offset 50' } });
  });
});
