/**
 * Lag in time as kafka-lag-exporter estimates it, from samples alone (no Kafka round trip): the
 * log-end offsets sampled over time form a lookup table offset → time; the committed offset's
 * place in it is when the partition's log was at that point, and the lag is the time since.
 * Pure.
 */
export interface LogEndPoint {
  t: number;
  logEnd: number | null;
}

/**
 * Seconds between `now` and when the log end passed `committed`: 0 when caught up; linear
 * interpolation between the two samples around it; before the oldest sample, extrapolated at the
 * window's average production rate (as kafka-lag-exporter does); null without two usable samples.
 */
export function lagSeconds(points: readonly LogEndPoint[], committed: number | null, logEnd: number | null, now: number): number | null {
  if (committed === null || logEnd === null) return null;
  if (committed >= logEnd) return 0;
  const table = points.filter((p): p is { t: number; logEnd: number } => p.logEnd !== null);
  if (table.length < 2) return null;
  for (let i = table.length - 1; i > 0; i--) {
    const [a, b] = [table[i - 1], table[i]];
    if (a.logEnd <= committed && committed < b.logEnd) {
      const at = a.t + ((committed - a.logEnd) / (b.logEnd - a.logEnd)) * (b.t - a.t);
      return Math.max(0, (now - at) / 1000);
    }
  }
  const [first, last] = [table[0], table[table.length - 1]];
  if (committed >= last.logEnd) return Math.max(0, (now - last.t) / 1000); // produced since the last sample
  const rate = (last.logEnd - first.logEnd) / (last.t - first.t); // messages per ms over the window
  if (!(rate > 0)) return null;
  const at = first.t - (first.logEnd - committed) / rate;
  return Math.max(0, (now - at) / 1000);
}
