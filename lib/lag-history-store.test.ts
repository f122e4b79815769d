import { describe, expect, it } from 'vitest';
import type { GroupRecord, GroupsSnapshot } from './kafka/groups-snapshot';
import { ClusterHistory } from './lag-history-store';
import { applyHistoryRecords, decodeHistoryRecord, encodeHistoryRecord, type HistoryRecord } from './lag-record';

const group = (groupId: string, committed: [string, number][], members = 1): GroupRecord => ({
  groupId,
  type: 'classic',
  state: members ? 'Stable' : 'Empty',
  protocolType: 'consumer',
  protocol: 'range',
  assignor: null,
  groupEpoch: null,
  assignmentEpoch: null,
  coordinator: 1,
  members: Array.from({ length: members }, () => ({}) as never),
  committed: new Map(committed),
  owners: new Map(),
});

const snapshot = (t: number, groups: GroupRecord[], logEnd: [string, number | null][]): GroupsSnapshot => ({
  t,
  metadata: { brokers: [], topicMetadata: [] },
  groups,
  logEnd: new Map(logEnd),
  logStart: new Map(),
  missingBrokers: [],
});

const snapshots = [0, 1, 2, 3].map((i) =>
  snapshot(
    1000 + i * 1000,
    [
      group('fast', [
        ['orders:0', 10 * i],
        ['orders:1', 10 * i],
      ]),
      group('stuck', [['orders:0', 0]], 0),
    ],
    [
      ['orders:0', 10 * i + 5],
      ['orders:1', i === 2 ? null : 10 * i + 1],
    ],
  ),
);

/** What the elected sampler writes for a snapshot, as Kafka hands it to every reader. */
const overTheTopic = async (sampler: ClusterHistory, s: GroupsSnapshot): Promise<HistoryRecord[]> =>
  [...(await sampler.samplesOf(s))].map(([groupId, sample]) => {
    const { key, value } = encodeHistoryRecord({ kind: 'sample', groupId, sample });
    return decodeHistoryRecord(Buffer.from(key), value === null ? null : Buffer.from(value))!;
  });

describe('lag history rebuilt from the history topic', () => {
  it('equals the history the sampler would have kept in memory', async () => {
    const inMemory = new ClusterHistory();
    const sampler = new ClusterHistory();
    const reader = new ClusterHistory();
    for (const s of snapshots) {
      await inMemory.record(s, 60_000);
      applyHistoryRecords(reader, await overTheTopic(sampler, s));
      reader.prune(s.t, 60_000);
    }
    for (const g of ['fast', 'stuck']) expect(reader.samples(g)).toEqual(inMemory.samples(g));
    expect(reader.samples('fast').map((s) => s.totalLag)).toEqual([6, 6, null, 6]);
    expect(reader.points('stuck', 'orders:0').map((p) => p.members)).toEqual([false, false, false, false]);
  });

  it('keeps samples in time order, once each, however the records arrive', async () => {
    const sampler = new ClusterHistory();
    const [a, b, c] = await Promise.all(snapshots.map((s) => overTheTopic(sampler, s)));
    const reader = new ClusterHistory();
    applyHistoryRecords(reader, [...c, ...a, ...b, ...a]);
    expect(reader.samples('fast').map((s) => s.t)).toEqual([1000, 2000, 3000]);
  });

  it('forgets what is older than the history length, and groups left with nothing', async () => {
    const reader = new ClusterHistory();
    const sampler = new ClusterHistory();
    for (const s of snapshots.slice(0, 2)) applyHistoryRecords(reader, await overTheTopic(sampler, s));
    applyHistoryRecords(reader, await overTheTopic(sampler, snapshot(9000, [group('fast', [['orders:0', 1]])], [['orders:0', 1]])));
    reader.prune(9000, 2500);
    expect(reader.samples('fast').map((s) => s.t)).toEqual([9000]);
    expect(reader.samples('stuck')).toEqual([]);
  });

  it('keeps partition detail for a bounded number of group-partitions per sample, totals beyond', async () => {
    const sampler = new ClusterHistory();
    const reader = new ClusterHistory(2);
    for (const s of snapshots.slice(0, 2)) applyHistoryRecords(reader, await overTheTopic(sampler, s));
    // 'fast' (2 partitions) fills the budget of each sample; 'stuck' keeps only its total.
    expect(reader.samples('fast').every((s) => s.partitions?.size === 2)).toBe(true);
    expect(reader.samples('stuck').map((s) => [s.totalLag, s.partitions])).toEqual([
      [5, undefined],
      [15, undefined],
    ]);
  });

  it('marks a reset made through any dashboard on the next sample, then settles it', async () => {
    const sampler = new ClusterHistory();
    const reader = new ClusterHistory();
    applyHistoryRecords(sampler, [{ kind: 'reset', groupId: 'fast', keys: ['orders:1'], t: 1500 }]);
    applyHistoryRecords(reader, [{ kind: 'reset', groupId: 'fast', keys: ['orders:1'], t: 1500 }]);
    expect(reader.resetPending('fast', 'orders:1')).toBe(true);
    // A sample taken before the reset, read after it, does not settle it.
    applyHistoryRecords(reader, await overTheTopic(new ClusterHistory(), snapshots[0]));
    expect(reader.resetPending('fast', 'orders:1')).toBe(true);
    applyHistoryRecords(reader, await overTheTopic(sampler, snapshots[1]));
    expect(reader.resetPending('fast', 'orders:1')).toBe(false);
    expect(reader.points('fast', 'orders:1').map((p) => p.reset ?? false)).toEqual([false, true]);
  });

  it("drops a deleted group's history on every instance", async () => {
    const reader = new ClusterHistory();
    applyHistoryRecords(reader, [...(await overTheTopic(new ClusterHistory(), snapshots[0])), { kind: 'forget', groupId: 'fast' }]);
    expect(reader.samples('fast')).toEqual([]);
    expect(reader.samples('stuck')).toHaveLength(1);
  });
});
