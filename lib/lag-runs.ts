import type { PartitionSample, Sample } from '@/lib/lag-history-store';

/**
 * One group's lag history, compact: its samples as runs of equal values over consecutive sample
 * times of the cluster's timeline (the times every group was sampled at, held once). A group
 * whose lag does not move — most of 100,000 groups — costs one run for the whole history instead
 * of an object per sample (an hour at 10 s was 360 objects per group, 2 GB for 100,000 groups).
 * A sample at a time the timeline does not hold (read late from the history topic) is kept as it
 * is, beside the runs. Pure.
 */

/** Sample times shared by every group; absolute indices stay valid as old times are dropped. */
export class Timeline {
  private times: number[] = [];
  /** Absolute index of times[0]. */
  base = 0;

  /** Absolute index of `t`, adding it when it is later than every time held; -1 for an earlier time not held. */
  indexFor(t: number): number {
    const last = this.times.at(-1);
    if (last === undefined || t > last) {
      this.times.push(t);
      return this.base + this.times.length - 1;
    }
    return this.indexOf(t);
  }

  /** Absolute index of `t`, or -1. */
  indexOf(t: number): number {
    let lo = 0;
    let hi = this.times.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.times[mid];
      if (v === t) return this.base + mid;
      if (v < t) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  at(index: number): number {
    return this.times[index - this.base];
  }

  /** Drops the times before `cutoff`. */
  prune(cutoff: number) {
    let drop = 0;
    while (drop < this.times.length && this.times[drop] < cutoff) drop++;
    if (drop) {
      this.times.splice(0, drop);
      this.base += drop;
    }
  }

  clear() {
    this.base += this.times.length;
    this.times = [];
  }
}

type Value = Omit<Sample, 't'>;
interface Run {
  from: number;
  to: number;
  value: Value;
}

function samePartitions(a: Map<string, PartitionSample> | undefined, b: Map<string, PartitionSample> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const [key, p] of a) {
    const q = b.get(key);
    if (!q || p.reset || q.reset || p.committed !== q.committed || p.logEnd !== q.logEnd) return false;
  }
  return true;
}

const sameValue = (a: Value, b: Value) => a.totalLag === b.totalLag && a.members === b.members && samePartitions(a.partitions, b.partitions);
const valueFrom = ({ totalLag, members, partitions }: Sample): Value => ({ totalLag, members, partitions });

export class SampleRuns {
  private runs: Run[] = [];
  /** Samples at times the timeline does not hold, oldest first. */
  private extras: Sample[] = [];

  constructor(private readonly timeline: Timeline) {}

  /** Runs held (what the history costs in memory, besides the late samples). */
  get runCount() {
    return this.runs.length;
  }

  get empty() {
    return this.runs.length === 0 && this.extras.length === 0;
  }

  /**
   * Adds a sample in time order; one at a time already held replaces it. The common case — the
   * next sample time — extends or starts the last run; anything else rebuilds this group's runs.
   */
  add(sample: Sample) {
    const index = this.timeline.indexFor(sample.t);
    const last = this.runs.at(-1);
    if (index >= 0 && (!this.extras.length || this.extras[this.extras.length - 1].t < sample.t) && (!last || index > last.to)) {
      if (last && index === last.to + 1 && sameValue(last.value, sample)) last.to = index;
      else this.runs.push({ from: index, to: index, value: valueFrom(sample) });
      return;
    }
    const samples = this.samples();
    let i = samples.length;
    while (i > 0 && samples[i - 1].t > sample.t) i--;
    if (i > 0 && samples[i - 1].t === sample.t) samples[i - 1] = sample;
    else samples.splice(i, 0, sample);
    this.rebuild(samples);
  }

  private rebuild(samples: Sample[]) {
    this.runs = [];
    this.extras = [];
    for (const sample of samples) {
      const index = this.timeline.indexOf(sample.t);
      const last = this.runs.at(-1);
      if (index < 0) this.extras.push(sample);
      else if (last && index === last.to + 1 && sameValue(last.value, sample)) last.to = index;
      else this.runs.push({ from: index, to: index, value: valueFrom(sample) });
    }
  }

  /** Drops what is before the timeline's first time (prune the timeline first) and extras before `cutoff`. */
  prune(cutoff: number) {
    const base = this.timeline.base;
    let drop = 0;
    while (drop < this.runs.length && this.runs[drop].to < base) drop++;
    if (drop) this.runs.splice(0, drop);
    if (this.runs.length && this.runs[0].from < base) this.runs[0].from = base;
    if (this.extras.length && this.extras[0].t < cutoff) this.extras = this.extras.filter((s) => s.t >= cutoff);
  }

  /** Every sample, oldest first (runs expanded; partition maps shared, read-only). */
  samples(): Sample[] {
    const out: Sample[] = [];
    for (const { from, to, value } of this.runs) for (let i = from; i <= to; i++) out.push({ t: this.timeline.at(i), ...value });
    if (!this.extras.length) return out;
    return [...out, ...this.extras].sort((a, b) => a.t - b.t);
  }

  /** The last `count` total lags, oldest first, without expanding the whole history. */
  trend(count: number): (number | null)[] {
    if (this.extras.length)
      return this.samples()
        .slice(-count)
        .map((s) => s.totalLag);
    const out: (number | null)[] = [];
    for (let r = this.runs.length - 1; r >= 0 && out.length < count; r--) {
      const { from, to, value } = this.runs[r];
      for (let i = to; i >= from && out.length < count; i--) out.push(value.totalLag);
    }
    return out.reverse();
  }

  /** The samples that hold `key`'s offsets, oldest first. */
  withPartition(key: string): { t: number; members: boolean; partition: PartitionSample }[] {
    const out: { t: number; members: boolean; partition: PartitionSample }[] = [];
    if (this.extras.length) {
      for (const s of this.samples()) {
        const partition = s.partitions?.get(key);
        if (partition) out.push({ t: s.t, members: s.members, partition });
      }
      return out;
    }
    for (const { from, to, value } of this.runs) {
      const partition = value.partitions?.get(key);
      if (partition) for (let i = from; i <= to; i++) out.push({ t: this.timeline.at(i), members: value.members, partition });
    }
    return out;
  }
}
