import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TailEvent } from './tail-follow';
import { drain, FakeCluster, fetchingEncoder, follow, offsetsOf, range } from './tail-follow.fixtures';

afterEach(() => vi.useRealTimers());

/** What the worker threads connect with (the fake encoder fetches from the fake cluster instead). */
const connection = { cluster: 'local', config: { brokers: ['127.0.0.1:9001'] } };
const jobOffsets = (jobs: ReturnType<typeof fetchingEncoder>['jobs'], partition: number) =>
  jobs.flatMap((j) => j.args.topics[0].partitions.filter((p) => p.partition === partition).map((p) => Number(p.fetchOffset)));

describe('followTail, fetching in the worker threads', () => {
  it('sends what the workers fetched and encoded, every record once and in offset order, and fetches nothing itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1300 }, 1: { leader: 2, records: 40 } });
    cluster.recordSets = true;
    cluster.perFetch = 500;
    const { encoder, jobs } = fetchingEncoder(cluster);
    const events = await drain(follow(cluster, { encoder, connection }).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1300));
    expect(offsetsOf(events, 1)).toEqual(range(0, 40));
    expect(events.some((e) => e.type === 'messages')).toBe(false); // nothing was mapped on this thread
    expect(jobOffsets(jobs, 0)).toEqual([0, 500, 1000]);
    expect(cluster.fetches).toHaveLength(jobs.length); // each fetch was a worker's
    expect(events.at(-1)).toMatchObject({ type: 'done', status: { scanned: 1340, matched: 1340, positions: { 0: 1300, 1: 40 }, caughtUp: true } });
  });

  it('reads on here from the bytes a worker returns when it stops at a value that may be registry-framed, then fetches here', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 2000 } });
    cluster.recordSets = true;
    cluster.perFetch = 500;
    cluster.logs.get(0)![700].value = Buffer.from([0, 0, 0, 0, 1, 42]);
    const { encoder, jobs } = fetchingEncoder(cluster);
    const events = await drain(follow(cluster, { encoder, connection }).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 2000));
    expect(events.some((e) => e.type === 'messages' && e.messages.some((m) => m.offset === 700))).toBe(true);
    expect(events.some((e) => e.type === 'encoded')).toBe(true);
    // The fetch from 1000 was in flight when the tail read the stop; from 1500 on, fetched here.
    expect(jobOffsets(jobs, 0)).toEqual([0, 500, 1000]);
    expect(cluster.fetches.map((f) => f.partitions[0].offset)).toEqual([0, 500, 1000, 1500]);
    expect(events.at(-1)).toMatchObject({ type: 'done', status: { scanned: 2000, matched: 2000 } });
  });

  it('drops an answer encoded for another end than the tail has, and the fetch already in flight behind it, and fetches again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1300 } });
    cluster.recordSets = true;
    cluster.perFetch = 500;
    let first = true;
    // The first job encodes to an end one short of the tail's: it cannot be used as it is.
    const { encoder, jobs } = fetchingEncoder(cluster, (job) => {
      if (!first) return job;
      first = false;
      return { ...job, stops: job.stops.map((s) => ({ ...s, stop: s.stop - 1 })) };
    });
    const events = await drain(follow(cluster, { encoder, connection }).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1300));
    // 0 (dropped), 500 (in flight meanwhile, dropped), then from the position again.
    expect(jobOffsets(jobs, 0)).toEqual([0, 500, 0, 500, 1000]);
    expect(events.at(-1)).toMatchObject({ type: 'done', status: { scanned: 1300, positions: { 0: 1300 } } });
  });

  it('fetches here for a while after three worker fetches failed in a row, nothing skipped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1300 } });
    cluster.recordSets = true;
    cluster.perFetch = 500;
    let refused = 0;
    const { encoder } = fetchingEncoder(cluster, () => {
      refused++;
      throw new Error('broker does not speak Fetch v11');
    });
    const events = await drain(follow(cluster, { encoder, connection }).events);
    expect(refused).toBe(3);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1300));
    expect(events.at(-1)).toMatchObject({ type: 'done', status: { scanned: 1300, caughtUp: true } });
  });

  it('goes back to the worker threads ten seconds after they failed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 10 } });
    cluster.recordSets = true;
    let refused = 0;
    const { encoder, jobs } = fetchingEncoder(cluster, (job) => {
      if (refused < 3) {
        refused++;
        throw new Error('connection refused');
      }
      return job;
    });
    const { events, abort } = follow(cluster, { live: true, encoder, connection });
    const seen: TailEvent[] = [];
    const run = (async () => {
      for await (const e of events) seen.push(e);
    })();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(offsetsOf(seen, 0)).toEqual(range(0, 10)); // read here meanwhile
    expect(jobs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(6_000);
    cluster.append(0, 5);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(jobs.length).toBeGreaterThan(0);
    expect(offsetsOf(seen, 0)).toEqual(range(0, 15));
    abort.abort();
    await vi.advanceTimersByTimeAsync(1_000);
    await run;
  });
});
