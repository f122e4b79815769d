import type { LagSample } from '@/lib/types/groups';

/** Lag history shaped for a line chart: total, per topic, or per partition. Pure. */
export type LagChartMode = 'total' | 'topic' | 'partition';

export interface LagChart {
  series: string[];
  /** `values[i]` is series `i`'s lag at time `t` (null: none known). */
  rows: { t: number; values: (number | null)[] }[];
}

const topicOf = (key: string) => key.slice(0, key.lastIndexOf(':'));
const partitionLabel = (key: string) => `${topicOf(key)}-${key.slice(key.lastIndexOf(':') + 1)}`;

/**
 * Series are named by topics, and a topic may be called "t", "__proto__" or "constructor": the
 * lags are gathered in Maps and each row lists them by series position, never under the name.
 */
export function lagChart(history: LagSample[], mode: LagChartMode): LagChart {
  if (mode === 'total') return { series: ['total'], rows: history.map((s) => ({ t: s.t, values: [s.totalLag] })) };
  const perSample = history.map((s) => {
    const lags = new Map<string, number | null>();
    for (const [key, lag] of Object.entries(s.partitions ?? {})) {
      const name = mode === 'topic' ? topicOf(key) : partitionLabel(key);
      const sum = lags.get(name) ?? null;
      lags.set(name, lag === null ? sum : (sum ?? 0) + lag);
    }
    return lags;
  });
  const series = [...new Set(perSample.flatMap((lags) => [...lags.keys()]))].sort();
  return { series, rows: history.map((s, i) => ({ t: s.t, values: series.map((name) => perSample[i].get(name) ?? null) })) };
}
