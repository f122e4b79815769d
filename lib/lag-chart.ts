import { parseTpKey } from '@/lib/tp-key';
import type { LagSample } from '@/lib/types/groups';

/** Lag history shaped for a line chart: total, per topic, or per partition. Pure. */
export type LagChartMode = 'total' | 'topic' | 'partition';

export interface LagChart {
  series: string[];
  /** `values[i]` is series `i`'s lag at time `t` (null: a gap, never drawn as 0). */
  rows: { t: number; values: (number | null)[] }[];
  /**
   * The total counts only partitions with a lag in every sample shown: `counted` of the `seen`
   * ones. Null when every partition seen is counted (or only group totals were kept).
   */
  coverage: { counted: number; seen: number } | null;
}

const topicOf = (key: string) => parseTpKey(key).topic;
const partitionLabel = (key: string) => {
  const { topic, partition } = parseTpKey(key);
  return `${topic}-${partition}`;
};

/** Each sample's known lags, in Maps (a topic may be called "__proto__"). */
const lagMaps = (history: LagSample[]) => history.map((s) => new Map(Object.entries(s.partitions ?? {}).filter((e): e is [string, number] => e[1] !== null)));

/**
 * A partition missing from a sample (its coordinator or leader did not answer, or it had no
 * commit yet) must not read as a drop in lag. The total sums only the partitions present in every
 * sample, and says how many that is; a topic's line has a gap where one of its partitions is
 * missing; a partition's line has a gap where it is missing. Series are gathered in Maps and each
 * row lists them by position, never under the name.
 */
export function lagChart(all: LagSample[], mode: LagChartMode): LagChart {
  // Samples from before the group committed anything hold no lag at all: not a gap in the data but
  // its start. Kept, they would leave no partition "present in every sample" and no total line.
  const firstKnown = all.findIndex((s) => !s.partitions || Object.values(s.partitions).some((lag) => lag !== null));
  const history = firstKnown < 0 ? all : all.slice(firstKnown);
  const detailed = history.length > 0 && history.every((s) => s.partitions);
  if (mode === 'total' && !detailed) return { series: ['total'], rows: history.map((s) => ({ t: s.t, values: [s.totalLag] })), coverage: null };
  const perSample = lagMaps(history);
  const seen = [...new Set(perSample.flatMap((lags) => [...lags.keys()]))].sort();
  const presentInAll = seen.filter((key) => perSample.every((lags) => lags.has(key)));

  if (mode === 'total') {
    const rows = history.map((s, i) => ({ t: s.t, values: [presentInAll.length ? presentInAll.reduce((sum, key) => sum + perSample[i].get(key)!, 0) : null] }));
    return { series: ['total'], rows, coverage: presentInAll.length < seen.length ? { counted: presentInAll.length, seen: seen.length } : null };
  }
  const name = mode === 'topic' ? topicOf : partitionLabel;
  const members = new Map<string, string[]>();
  for (const key of seen) members.set(name(key), [...(members.get(name(key)) ?? []), key]);
  const series = [...members.keys()].sort();
  const rows = history.map((s, i) => ({
    t: s.t,
    values: series.map((n) => {
      const keys = members.get(n)!;
      return keys.every((key) => perSample[i].has(key)) ? keys.reduce((sum, key) => sum + perSample[i].get(key)!, 0) : null;
    }),
  }));
  return { series, rows, coverage: null };
}
