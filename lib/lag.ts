/** Lag arithmetic. Pure. */

/** Lag of one partition: log-end − committed, never negative; null without a committed offset. */
export function partitionLag(committedOffset: number | null, logEndOffset: number | null): number | null {
  if (committedOffset === null || committedOffset < 0 || logEndOffset === null) return null;
  return Math.max(0, logEndOffset - committedOffset);
}

/** Sum of known lags; null when none is known (so "no commits" never reads as "caught up"). */
export function totalLag(lags: (number | null)[]): number | null {
  const known = lags.filter((l): l is number => l !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

export interface OffsetPoint {
  t: number;
  committed: number | null;
  logEnd: number | null;
}

/**
 * Time to catch up at the recent rates: lag / (consumption rate − production rate), from the
 * first and last points. null when the consumer is not gaining on the log.
 */
export function catchUpMs(points: OffsetPoint[]): number | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || last.t <= first.t) return null;
  if (first.committed === null || last.committed === null || first.logEnd === null || last.logEnd === null) return null;
  const lag = partitionLag(last.committed, last.logEnd) ?? 0;
  if (lag === 0) return 0;
  const dt = last.t - first.t;
  const gain = (last.committed - first.committed - (last.logEnd - first.logEnd)) / dt;
  return gain > 0 ? Math.round(lag / gain) : null;
}
