import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroupsSnapshot } from './groups-snapshot';

// The list's rules over a sampler that is set by hand: which snapshot is latest, and a verdict per group.
const sampler = vi.hoisted(() => ({ latest: new Map<string, GroupsSnapshot>(), evaluated: 0 }));

vi.mock('./groups', () => ({
  latestSample: (cluster: string) => {
    const snapshot = sampler.latest.get(cluster);
    return snapshot && { snapshot, tookMs: 5 };
  },
  groupsSnapshot: () => Promise.reject(new Error('not asked for: the latest sample is fresh')),
  evaluate: () => {
    sampler.evaluated++;
    return { verdict: { status: 'OK', reason: 'caught up' }, totalLag: 0, partitions: [] };
  },
}));
vi.mock('./lag-history', () => ({
  historyOf: () => ({ lastRecordedAt: 1, trend: () => [] }),
  lagSettings: () => ({ sampleIntervalMs: 60_000 }),
}));
vi.mock('./lag-sampler', () => ({ lagHistoryStatus: () => ({ mode: 'memory' }) }));

const { listGroupsPage } = await import('./groups-list');

/** A sample of `count` groups taken `t` (its age decides nothing here: the interval is a minute). */
const snapshot = (count: number, t: number) =>
  ({
    t,
    groups: Array.from({ length: count }, (_, i) => ({ groupId: `g${i}`, type: 'classic', state: 'Stable', protocolType: 'consumer', members: [] })),
    missingBrokers: [],
  }) as unknown as GroupsSnapshot;

const page = (cluster: string) => listGroupsPage(cluster, { sort: 'groupId', dir: 'asc', offset: 0, limit: 10, q: '' } as never);

describe('listGroupsPage while a new sample is summarized', () => {
  beforeEach(() => {
    sampler.evaluated = 0;
  });

  it("from 10,000 groups answers the last rows at once, with their sample's time, then the new ones", async () => {
    const now = Date.now();
    sampler.latest.set('big', snapshot(10_000, now - 2000));
    expect((await page('big')).sampledAt).toBe(now - 2000); // nothing to answer before: it waits
    sampler.latest.set('big', snapshot(10_000, now - 1000));
    const meanwhile = await page('big');
    expect(meanwhile.sampledAt).toBe(now - 2000);
    expect(meanwhile.groupCount).toBe(10_000);
    // The new sample's rows are computed in the background; once they are, they are answered.
    await vi.waitFor(async () => expect((await page('big')).sampledAt).toBe(now - 1000));
    expect(sampler.evaluated).toBe(20_000); // each sample summarized once, however many requests
  });

  it('below 10,000 groups waits for the new rows', async () => {
    const now = Date.now();
    sampler.latest.set('small', snapshot(9_999, now - 2000));
    await page('small');
    sampler.latest.set('small', snapshot(9_999, now - 1000));
    expect((await page('small')).sampledAt).toBe(now - 1000);
  });
});
