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

/** Past this many (group, partition) pairs per cluster, only group totals are kept: memory stays bounded. */
const MAX_DETAILED_PARTITIONS = 20_000;

interface Sample {
  t: number;
  totalLag: number | null;
  /** [committed, logEnd] per "topic:partition", for groups within the detail budget. */
  partitions?: Map<string, [number | null, number | null]>;
}

class ClusterHistory {
  private readonly byGroup = new Map<string, Sample[]>();
  lastRecordedAt = 0;

  record(snapshot: GroupsSnapshot, historyMs: number) {
    let detailed = 0;
    const alive = new Set<string>();
    for (const group of snapshot.groups) {
      alive.add(group.groupId);
      const keys = new Set([...group.committed.keys(), ...group.owners.keys()]);
      const withDetail = detailed + keys.size <= MAX_DETAILED_PARTITIONS;
      if (withDetail) detailed += keys.size;
      const partitions = new Map<string, [number | null, number | null]>();
      const lags: (number | null)[] = [];
      for (const key of keys) {
        const committed = group.committed.get(key) ?? null;
        const logEnd = snapshot.logEnd.get(key) ?? null;
        lags.push(partitionLag(committed, logEnd));
        partitions.set(key, [committed, logEnd]);
      }
      const samples = this.byGroup.get(group.groupId) ?? [];
      samples.push({ t: snapshot.t, totalLag: totalLag(lags), partitions: withDetail ? partitions : undefined });
      while (samples.length && samples[0].t < snapshot.t - historyMs) samples.shift();
      this.byGroup.set(group.groupId, samples);
    }
    for (const groupId of this.byGroup.keys()) if (!alive.has(groupId)) this.byGroup.delete(groupId);
    this.lastRecordedAt = snapshot.t;
  }

  samples(groupId: string): Sample[] {
    return this.byGroup.get(groupId) ?? [];
  }

  /** Offsets of one partition over time, oldest first (empty when only totals are kept). */
  points(groupId: string, key: string): OffsetPoint[] {
    return this.samples(groupId)
      .filter((s) => s.partitions?.has(key))
      .map((s) => {
        const [committed, logEnd] = s.partitions!.get(key)!;
        return { t: s.t, committed, logEnd };
      });
  }
}

const histories = ((globalThis as { __lagHistories?: Map<string, ClusterHistory> }).__lagHistories ??= new Map());

export function historyOf(cluster: string): ClusterHistory {
  let history = histories.get(cluster);
  if (!history) histories.set(cluster, (history = new ClusterHistory()));
  return history;
}
