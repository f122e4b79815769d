import 'server-only';
import type { OffsetPoint } from '@/lib/lag';
import { partitionLag, totalLag } from '@/lib/lag';
import type { GroupsSnapshot } from './groups-snapshot';

/** Settings of the lag sampler, from the environment (milliseconds). */
export function lagSettings() {
  const ms = (name: string, fallback: number) => {
    const n = Number(process.env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    sampleIntervalMs: ms('LAG_SAMPLE_INTERVAL_MS', 10_000),
    historyMs: ms('LAG_HISTORY_MS', 3_600_000),
    windowMs: ms('LAG_WINDOW_MS', 120_000),
    stoppedAfterMs: ms('LAG_STOPPED_AFTER_MS', 300_000),
  };
}

/**
 * Whether a group has consumers: members listed, or a rebalance under way (members rejoining are
 * not listed until they have joined again; that is not "no consumer").
 */
export function hasConsumers(group: { members: unknown[]; state: string }): boolean {
  return group.members.length > 0 || /rebalanc|assigning|reconciling/i.test(group.state);
}

/** Past this many (group, partition) pairs per cluster, only group totals are kept: memory stays bounded. */
const MAX_DETAILED_PARTITIONS = 20_000;

interface PartitionSample {
  committed: number | null;
  logEnd: number | null;
  /** The dashboard reset this offset since the previous sample. */
  reset?: true;
}

interface Sample {
  t: number;
  /** null when a partition with a committed offset had no lag in this sample (a gap, not a dip). */
  totalLag: number | null;
  members: boolean;
  /** Per "topic:partition", for groups within the detail budget. */
  partitions?: Map<string, PartitionSample>;
}

class ClusterHistory {
  private readonly byGroup = new Map<string, Sample[]>();
  /** Resets made through the dashboard, per group: partition keys not yet seen in a sample. */
  private readonly pendingResets = new Map<string, Set<string>>();
  lastRecordedAt = 0;

  record(snapshot: GroupsSnapshot, historyMs: number) {
    let detailed = 0;
    for (const group of snapshot.groups) {
      const keys = new Set([...group.committed.keys(), ...group.owners.keys()]);
      const withDetail = detailed + keys.size <= MAX_DETAILED_PARTITIONS;
      if (withDetail) detailed += keys.size;
      const resets = this.pendingResets.get(group.groupId);
      this.pendingResets.delete(group.groupId);
      const partitions = new Map<string, PartitionSample>();
      const lags: (number | null)[] = [];
      let complete = true;
      for (const key of keys) {
        const committed = group.committed.get(key) ?? null;
        const logEnd = snapshot.logEnd.get(key) ?? null;
        const lag = partitionLag(committed, logEnd);
        // A committed partition whose log end could not be read (leader away) would drop out of the sum.
        if (committed !== null && lag === null) complete = false;
        lags.push(lag);
        partitions.set(key, resets?.has(key) ? { committed, logEnd, reset: true } : { committed, logEnd });
      }
      const samples = this.byGroup.get(group.groupId) ?? [];
      samples.push({ t: snapshot.t, totalLag: complete ? totalLag(lags) : null, members: hasConsumers(group), partitions: withDetail ? partitions : undefined });
      this.byGroup.set(group.groupId, samples);
    }
    // A group missing from one snapshot (its coordinator did not answer) keeps its history, with a
    // gap; history older than historyMs goes, and with it groups that are gone for good.
    for (const [groupId, samples] of this.byGroup) {
      while (samples.length && samples[0].t < snapshot.t - historyMs) samples.shift();
      if (!samples.length) this.byGroup.delete(groupId);
    }
    this.lastRecordedAt = snapshot.t;
  }

  /** Offsets moved by the dashboard: the next sample marks them as a reset, not consumption. */
  markReset(groupId: string, keys: string[]) {
    const pending = this.pendingResets.get(groupId) ?? new Set<string>();
    for (const key of keys) pending.add(key);
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

  samples(groupId: string): Sample[] {
    return this.byGroup.get(groupId) ?? [];
  }

  /** Offsets of one partition over time, oldest first (empty when only totals are kept). */
  points(groupId: string, key: string): OffsetPoint[] {
    return this.samples(groupId).flatMap((s) => {
      const p = s.partitions?.get(key);
      return p ? [{ t: s.t, committed: p.committed, logEnd: p.logEnd, members: s.members, ...(p.reset ? { reset: true } : {}) }] : [];
    });
  }
}

const histories = ((globalThis as { __lagHistories?: Map<string, ClusterHistory> }).__lagHistories ??= new Map());

export function historyOf(cluster: string): ClusterHistory {
  let history = histories.get(cluster);
  if (!history) histories.set(cluster, (history = new ClusterHistory()));
  return history;
}
