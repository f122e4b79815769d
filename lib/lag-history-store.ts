import { forEachInSlices } from './time-slices';
import type { GroupsSnapshot } from '@/lib/kafka/groups-snapshot';
import type { OffsetPoint } from '@/lib/lag';
import { partitionLag, totalLag } from '@/lib/lag';
import { SampleRuns, Timeline } from '@/lib/lag-runs';

/**
 * One cluster's lag history: samples per group, oldest first, bounded in time (the history
 * length) and in detail (per-partition offsets for a budget of group-partitions per sample,
 * totals beyond). Filled either straight from snapshots (in-memory mode) or from the records of
 * the history topic that one elected sampler writes (lib/kafka/lag-sampler.ts); pure, no I/O.
 */

/** Past this many (group, partition) pairs in one sample, only group totals are kept: memory stays bounded. */
export const MAX_DETAILED_PARTITIONS = 20_000;

export interface PartitionSample {
  committed: number | null;
  logEnd: number | null;
  /** The dashboard reset this offset since the previous sample. */
  reset?: true;
}

export interface Sample {
  t: number;
  /** null when a partition with a committed offset had no lag in this sample (a gap, not a dip). */
  totalLag: number | null;
  members: boolean;
  /** Per "topic:partition", for groups within the detail budget. */
  partitions?: Map<string, PartitionSample>;
}

/**
 * Whether a group has consumers: members listed, or a rebalance under way (members rejoining are
 * not listed until they have joined again; that is not "no consumer").
 */
export function hasConsumers(group: { members: unknown[]; state: string }): boolean {
  return group.members.length > 0 || /rebalanc|assigning|reconciling/i.test(group.state);
}

export class ClusterHistory {
  private readonly byGroup = new Map<string, SampleRuns>();
  /** The sample times, held once for every group (lib/lag-runs.ts). */
  private readonly timeline = new Timeline();
  /** Resets made through the dashboard, per group: partition key → when it was marked. */
  private readonly pendingResets = new Map<string, Map<string, number>>();
  /** Detailed group-partitions already kept for the sample taken at `t` (records arrive one group at a time). */
  private detail = { t: -1, used: 0 };
  lastRecordedAt = 0;

  constructor(private readonly maxDetailed = MAX_DETAILED_PARTITIONS) {}

  /**
   * A snapshot as one sample per group: what the sampler records (or writes to the history topic).
   * In time slices: with 100,000 groups it is seconds of work.
   */
  async samplesOf(snapshot: GroupsSnapshot): Promise<Map<string, Sample>> {
    const out = new Map<string, Sample>();
    const budget = { detailed: 0 };
    await forEachInSlices(snapshot.groups, (group) => out.set(group.groupId, this.sampleOf(snapshot, group, budget)));
    return out;
  }

  private sampleOf(snapshot: GroupsSnapshot, group: GroupsSnapshot['groups'][number], budget: { detailed: number }): Sample {
    const keys = new Set([...group.committed.keys(), ...group.owners.keys()]);
    const withDetail = budget.detailed + keys.size <= this.maxDetailed;
    if (withDetail) budget.detailed += keys.size;
    const resets = this.pendingResets.get(group.groupId);
    // Past the detail budget only the total is kept: no map per group per sample to throw away.
    const partitions = withDetail ? new Map<string, PartitionSample>() : null;
    const lags: (number | null)[] = [];
    let complete = true;
    for (const key of keys) {
      const committed = group.committed.get(key) ?? null;
      const logEnd = snapshot.logEnd.get(key) ?? null;
      const lag = partitionLag(committed, logEnd);
      // A committed partition whose log end could not be read (leader away) would drop out of the sum.
      if (committed !== null && lag === null) complete = false;
      lags.push(lag);
      partitions?.set(key, resets?.has(key) ? { committed, logEnd, reset: true } : { committed, logEnd });
    }
    return { t: snapshot.t, totalLag: complete ? totalLag(lags) : null, members: hasConsumers(group), partitions: partitions ?? undefined };
  }

  /** Records a snapshot straight into the history (in-memory mode). */
  async record(snapshot: GroupsSnapshot, historyMs: number) {
    const budget = { detailed: 0 };
    await forEachInSlices(snapshot.groups, (group) => this.append(group.groupId, this.sampleOf(snapshot, group, budget)));
    this.prune(snapshot.t, historyMs);
  }

  /**
   * Adds one group's sample, in time order; a sample at a time already held replaces it (a record
   * read twice). Pending resets marked before the sample are settled by it.
   */
  append(groupId: string, sample: Sample) {
    if (sample.partitions) {
      if (this.detail.t !== sample.t) this.detail = { t: sample.t, used: 0 };
      if (this.detail.used + sample.partitions.size > this.maxDetailed) sample = { ...sample, partitions: undefined };
      else this.detail.used += sample.partitions.size;
    }
    let runs = this.byGroup.get(groupId);
    if (!runs) this.byGroup.set(groupId, (runs = new SampleRuns(this.timeline)));
    runs.add(sample);
    const pending = this.pendingResets.get(groupId);
    if (pending) {
      for (const [key, markedAt] of pending) if (markedAt <= sample.t) pending.delete(key);
      if (!pending.size) this.pendingResets.delete(groupId);
    }
    this.lastRecordedAt = Math.max(this.lastRecordedAt, sample.t);
  }

  /**
   * History older than historyMs before `now` goes, and with it groups that are gone for good. A
   * group missing from one snapshot (its coordinator did not answer) keeps its history, with a gap.
   */
  prune(now: number, historyMs: number) {
    const cutoff = now - historyMs;
    this.timeline.prune(cutoff);
    for (const [groupId, runs] of this.byGroup) {
      runs.prune(cutoff);
      if (runs.empty) this.byGroup.delete(groupId);
    }
  }

  /** Offsets moved by the dashboard: the next sample marks them as a reset, not consumption. */
  markReset(groupId: string, keys: string[], at = Date.now()) {
    const pending = this.pendingResets.get(groupId) ?? new Map<string, number>();
    for (const key of keys) pending.set(key, at);
    this.pendingResets.set(groupId, pending);
  }

  /** Whether a reset through the dashboard is waiting for its sample. */
  resetPending(groupId: string, key: string): boolean {
    return this.pendingResets.get(groupId)?.has(key) ?? false;
  }

  /** A deleted group's history goes with it. */
  forget(groupId: string) {
    this.byGroup.delete(groupId);
    this.pendingResets.delete(groupId);
  }

  /** Every sample and pending reset goes (the history is about to be read again from the topic). */
  clear() {
    this.byGroup.clear();
    this.timeline.clear();
    this.pendingResets.clear();
    this.detail = { t: -1, used: 0 };
    this.lastRecordedAt = 0;
  }

  samples(groupId: string): Sample[] {
    return this.byGroup.get(groupId)?.samples() ?? [];
  }

  /** The last `count` total lags of a group, oldest first (null: a gap), for a sparkline. */
  trend(groupId: string, count: number): (number | null)[] {
    return this.byGroup.get(groupId)?.trend(count) ?? [];
  }

  /** Offsets of one partition over time, oldest first (empty when only totals are kept). */
  points(groupId: string, key: string): OffsetPoint[] {
    return (this.byGroup.get(groupId)?.withPartition(key) ?? []).map(({ t, members, partition: p }) => ({
      t,
      committed: p.committed,
      logEnd: p.logEnd,
      members,
      ...(p.reset ? { reset: true } : {}),
    }));
  }
}
