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
  /** Whether the group had members at this sample (undefined: not known, taken as yes). */
  members?: boolean;
  /** The dashboard reset this offset since the previous sample. */
  reset?: boolean;
}

/**
 * How the committed offset moved from one sample to the next. A move is a reset, not consumption,
 * when it goes backwards, when the dashboard made it, or when the group had no member at either
 * sample: nobody was there to consume (Kafka refuses offset changes from outside an active group).
 */
export function stepKind(a: OffsetPoint, b: OffsetPoint): 'consumed' | 'reset' | 'still' | 'unknown' {
  if (b.reset) return 'reset';
  if (a.committed === null || b.committed === null) return 'unknown';
  if (b.committed < a.committed) return 'reset';
  if (b.committed === a.committed) return 'still';
  if (a.members === false && b.members === false) return 'reset';
  return 'consumed';
}

/** The points of the last `windowMs`, oldest first (`history` ends with the current point). */
export function windowOf(history: OffsetPoint[], windowMs: number): OffsetPoint[] {
  const now = history.at(-1);
  return now ? history.filter((p) => p.t >= now.t - windowMs) : [];
}

export interface Rates {
  /** Messages per second the group consumed (resets left out). */
  consumed: number;
  /** Messages per second the log grew. */
  produced: number;
  spanMs: number;
}

/** Consumption and production rates over `points`; null with fewer than two points to compare. */
export function rates(points: OffsetPoint[]): Rates | null {
  const known = points.filter((p) => p.committed !== null && p.logEnd !== null);
  if (known.length < 2) return null;
  const spanMs = known.at(-1)!.t - known[0].t;
  if (spanMs <= 0) return null;
  let consumed = 0;
  for (let i = 1; i < known.length; i++) {
    if (stepKind(known[i - 1], known[i]) === 'consumed') consumed += known[i].committed! - known[i - 1].committed!;
  }
  const produced = Math.max(0, known.at(-1)!.logEnd! - known[0].logEnd!);
  return { consumed: (consumed * 1000) / spanMs, produced: (produced * 1000) / spanMs, spanMs };
}

const perSecond = (n: number) => `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10}/s`;

/**
 * Time to catch up at the rates observed over the window: lag ÷ (consumption − production), with
 * the consumption summed step by step over every sample (an offset reset is not consumption). `ms`
 * is null when it cannot be told, and `note` says why.
 */
export function catchUp(window: OffsetPoint[]): { ms: number | null; note: string | null } {
  const last = window.at(-1);
  const lag = last ? partitionLag(last.committed, last.logEnd) : null;
  if (lag === null) return { ms: null, note: 'no committed offset' };
  if (lag === 0) return { ms: 0, note: null };
  const r = rates(window);
  if (!r) return { ms: null, note: 'collecting samples' };
  if (r.consumed === 0) return { ms: null, note: 'not consuming' };
  const gain = r.consumed - r.produced;
  if (gain <= 0) return { ms: null, note: `not catching up: consuming ${perSecond(r.consumed)}, log grows ${perSecond(r.produced)}` };
  return { ms: Math.round((lag * 1000) / gain), note: null };
}
