import type { LagSample } from '@/lib/types/groups';

/** Lag history shaped for a line chart: total, per topic, or per partition. Pure. */
export type LagChartMode = 'total' | 'topic' | 'partition';

export interface LagChart {
  series: string[];
  rows: ({ t: number } & Record<string, number | null>)[];
}

const topicOf = (key: string) => key.slice(0, key.lastIndexOf(':'));
const partitionLabel = (key: string) => `${topicOf(key)}-${key.slice(key.lastIndexOf(':') + 1)}`;

export function lagChart(history: LagSample[], mode: LagChartMode): LagChart {
  if (mode === 'total') return { series: ['total'], rows: history.map((s) => ({ t: s.t, total: s.totalLag })) };
  const series = new Set<string>();
  const rows = history.map((s) => {
    const row: { t: number } & Record<string, number | null> = { t: s.t };
    for (const [key, lag] of Object.entries(s.partitions ?? {})) {
      const name = mode === 'topic' ? topicOf(key) : partitionLabel(key);
      series.add(name);
      row[name] = lag === null ? (row[name] ?? null) : ((row[name] as number | null) ?? 0) + lag;
    }
    return row;
  });
  return { series: [...series].sort(), rows };
}
