import type { LagStatus, StatusVerdict } from '@/lib/types/groups';
import { formatCount, formatDuration } from './format';
import { partitionLag, rates, stepKind, windowOf, type OffsetPoint } from './lag';

/**
 * Lag status of one partition from its recent samples, re-evaluated on every sample (not only when
 * the consumer commits, so a dead consumer's lag keeps growing with the log). Pure. Rules, first
 * match wins (the README lists them):
 *  1. no committed offset                                        → unknown ("no offsets")
 *  2. the offset was reset within the window                     → reset
 *  3. lag 0                                                      → ok
 *  4. the group has no members: idle for ≥ stoppedAfterMs        → stopped, before that → no-consumer
 *  5. fewer than 3 samples in the window, or history shorter than the window → ok, "collecting samples"
 *  6. the committed offset did not move forward in the whole window → stalled
 *  7. lag rose over the whole window (its last third above its first, rising fit) and the group
 *     consumed less than 90% of what was produced                 → lagging
 *  8. otherwise                                                  → ok (consuming)
 * Trends are judged over the whole window: consumers commit every few seconds, so two samples
 * between commits say nothing.
 */
export interface StatusRules {
  windowMs: number;
  stoppedAfterMs: number;
}

export const SEVERITY: Record<LagStatus, number> = { unknown: 0, ok: 1, reset: 2, lagging: 3, 'no-consumer': 4, stalled: 5, stopped: 6 };

export const MIN_TREND_SAMPLES = 3;
/** Lagging: consuming less than this share of what is produced. */
const FALLING_BEHIND = 0.9;

/** Least-squares slope of lag over time (messages per ms). */
function slope(points: { t: number; lag: number }[]): number {
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const ml = points.reduce((s, p) => s + p.lag, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.lag - ml);
    den += (p.t - mt) ** 2;
  }
  return den ? num / den : 0;
}

/**
 * Lag rose over the whole window: every sample of its last third above every sample of its first
 * third, and a rising fit. Commits every few seconds make lag a sawtooth; a consumer keeping pace
 * goes back down to where it was, one falling behind never does.
 */
function risingThroughout(lags: { t: number; lag: number }[]): boolean {
  if (lags.length < MIN_TREND_SAMPLES) return false;
  const third = Math.max(1, Math.floor(lags.length / 3));
  const earlyMax = Math.max(...lags.slice(0, third).map((p) => p.lag));
  const lateMin = Math.min(...lags.slice(-third).map((p) => p.lag));
  return lateMin > earlyMax && slope(lags) > 0;
}

/** Since when nobody has consumed: the last sample with members, or the last forward move. */
function idleSince(history: OffsetPoint[]): number {
  for (let i = history.length - 1; i > 0; i--) {
    if (history[i].members !== false || stepKind(history[i - 1], history[i]) === 'consumed') return history[i].t;
  }
  return history[0].t;
}

/** `history` is oldest first and ends with the current point; `hasMembers` is the group's now. */
export function partitionStatus(history: OffsetPoint[], hasMembers: boolean, rules: StatusRules): StatusVerdict {
  const last = history.at(-1);
  if (!last || last.committed === null || last.committed < 0) return { status: 'unknown', reason: 'no committed offset' };
  const now: OffsetPoint = { ...last, members: hasMembers };
  const all = [...history.slice(0, -1), now];
  const lag = partitionLag(now.committed, now.logEnd) ?? 0;
  const window = windowOf(all, rules.windowMs);
  // Moves that ended within the window, the one entering it included (samples may be sparse).
  const steps = all.flatMap((p, i) => (i > 0 && p.t >= now.t - rules.windowMs ? [{ from: all[i - 1], to: p, kind: stepKind(all[i - 1], p) }] : []));

  const reset = steps.findLast((s) => s.kind === 'reset');
  if (reset) {
    const ago = formatDuration(Math.max(1000, now.t - reset.to.t));
    return {
      status: 'reset',
      reason: `offset reset from ${reset.from.committed ?? 'none'} to ${reset.to.committed} ${ago} ago (not consumption); lag ${formatCount(lag)}`,
    };
  }
  if (lag === 0) return { status: 'ok', reason: 'caught up' };

  if (!hasMembers) {
    const idleFor = now.t - idleSince(all);
    const waiting = `${formatCount(lag)} messages waiting`;
    if (idleFor >= rules.stoppedAfterMs) return { status: 'stopped', reason: `no consumer and no progress for ${formatDuration(idleFor)}; ${waiting}` };
    return { status: 'no-consumer', reason: `no consumer in the group; ${waiting}` };
  }

  // The trend needs committed offsets over the whole window, from at least three samples.
  const watchedSince = all.find((p) => p.committed !== null)?.t ?? now.t;
  if (window.length < MIN_TREND_SAMPLES || watchedSince > now.t - rules.windowMs) {
    return { status: 'ok', reason: `lag ${formatCount(lag)}; collecting samples to judge the trend over ${formatDuration(rules.windowMs)}` };
  }

  // How long the committed offset has had its value (a first commit a moment ago is not a stall).
  let since = now.t;
  for (let i = all.length - 2; i >= 0 && all[i].committed === now.committed; i--) since = all[i].t;
  const moved = steps.some((s) => s.kind === 'consumed');
  if (!moved && now.t - since >= rules.windowMs) {
    return { status: 'stalled', reason: `committed offset stuck at ${now.committed} for ${formatDuration(now.t - since)} while lag is ${formatCount(lag)}` };
  }

  const lags = window.flatMap((p) => {
    const l = partitionLag(p.committed, p.logEnd);
    return l === null ? [] : [{ t: p.t, lag: l }];
  });
  const r = rates(window);
  // A lag of a few messages wobbling up by one is noise: falling behind means losing at least a
  // tenth of what is produced.
  if (risingThroughout(lags) && r && r.consumed < r.produced * FALLING_BEHIND) {
    const pace = ` (consuming ${Math.round(r.consumed)}/s, log grows ${Math.round(r.produced)}/s)`;
    return {
      status: 'lagging',
      reason: `lag grew from ${formatCount(lags[0].lag)} to ${formatCount(lags.at(-1)!.lag)} in ${formatDuration(now.t - lags[0].t)}${pace}`,
    };
  }
  return { status: 'ok', reason: `consuming; lag ${formatCount(lag)}` };
}

/** The group's verdict is its worst partition's, naming the partition. */
export function worstStatus(verdicts: { label: string; verdict: StatusVerdict }[]): StatusVerdict {
  let worst: { label: string; verdict: StatusVerdict } | undefined;
  for (const v of verdicts) if (!worst || SEVERITY[v.verdict.status] > SEVERITY[worst.verdict.status]) worst = v;
  if (!worst) return { status: 'unknown', reason: 'no committed offsets' };
  if (worst.verdict.status === 'ok') {
    if (verdicts.some((v) => v.verdict.reason.includes('collecting samples'))) return { status: 'ok', reason: 'collecting samples to judge the trend' };
    const behind = verdicts.filter((v) => v.verdict.reason !== 'caught up').length;
    return { status: 'ok', reason: behind ? `consuming; behind on ${behind} of ${verdicts.length} partition(s)` : 'caught up on every partition' };
  }
  return { status: worst.verdict.status, reason: `${worst.label}: ${worst.verdict.reason}` };
}
