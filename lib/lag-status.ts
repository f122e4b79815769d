import type { LagStatus, StatusVerdict } from '@/lib/types/groups';
import { formatDuration } from './format';
import { partitionLag, type OffsetPoint } from './lag';

/**
 * Burrow-style lag status from a partition's recent offsets, re-evaluated on every sample (not
 * only when the consumer commits, so a dead consumer's lag keeps growing with the log). Pure.
 * Rules, first match wins (documented in the README):
 *  1. no committed offset                          → unknown
 *  2. committed offset went backwards in the window → rewinding
 *  3. lag 0                                         → ok (and lag > 0 with one sample only: ok, collecting)
 *  4. committed offset unchanged for ≥ stoppedAfterMs and the group has no members → stopped
 *  5. committed offset unchanged for the whole window (≥ 2 samples) while lag > 0  → stalled
 *  6. lag grew over the window and never shrank     → lagging
 *  7. otherwise                                     → ok
 */
export interface StatusRules {
  windowMs: number;
  stoppedAfterMs: number;
}

export const SEVERITY: Record<LagStatus, number> = { unknown: 0, ok: 1, rewinding: 2, lagging: 3, stalled: 4, stopped: 5 };

/** `history` is oldest first and ends with the current point. */
export function partitionStatus(history: OffsetPoint[], hasMembers: boolean, rules: StatusRules): StatusVerdict {
  const now = history.at(-1);
  if (!now || now.committed === null || now.committed < 0) return { status: 'unknown', reason: 'no committed offset' };
  const lag = partitionLag(now.committed, now.logEnd) ?? 0;
  const window = history.filter((p) => p.t >= now.t - rules.windowMs && p.committed !== null && p.committed >= 0);

  for (let i = 1; i < window.length; i++) {
    if (window[i].committed! < window[i - 1].committed!) {
      return { status: 'rewinding', reason: `committed offset moved back from ${window[i - 1].committed} to ${window[i].committed}` };
    }
  }
  if (lag === 0) return { status: 'ok', reason: 'caught up' };
  if (history.length < 2) return { status: 'ok', reason: `lag ${lag}; collecting samples to judge the trend` };

  // How long the committed offset has stood still, looking back through the whole history.
  let since = now.t;
  for (let i = history.length - 2; i >= 0 && history[i].committed === now.committed; i--) since = history[i].t;
  const stillFor = now.t - since;
  if (!hasMembers && stillFor >= rules.stoppedAfterMs) {
    return { status: 'stopped', reason: `no consumer and no progress for ${formatDuration(stillFor)}; ${lag} messages waiting` };
  }
  if (window.length >= 2 && window[0].committed === now.committed && stillFor >= Math.min(rules.windowMs, now.t - window[0].t)) {
    return { status: 'stalled', reason: `committed offset stuck at ${now.committed} for ${formatDuration(stillFor)} while lag is ${lag}` };
  }
  const lags = window.map((p) => partitionLag(p.committed, p.logEnd) ?? 0);
  if (lags.length >= 3 && lags.at(-1)! > lags[0] && lags.every((l, i) => i === 0 || l >= lags[i - 1])) {
    return { status: 'lagging', reason: `lag grew from ${lags[0]} to ${lags.at(-1)} in ${formatDuration(now.t - window[0].t)}` };
  }
  return { status: 'ok', reason: `consuming; lag ${lag}` };
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
