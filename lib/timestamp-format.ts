/** Message timestamps as operators compare them across tools: ISO 8601 to the millisecond. Pure. */

export type TimeZoneChoice = 'utc' | 'local';

/** Where the browser remembers the choice (localStorage). */
export const TIME_ZONE_STORAGE_KEY = 'kafka-dashboard:time-zone';

const pad = (n: number) => String(n).padStart(2, '0');
/** The range a JavaScript Date holds (±100,000,000 days around 1970). */
const MAX_DATE_MS = 8.64e15;

/**
 * `1767323045678` → UTC "2026-01-02T03:04:05.678Z", or local "2026-01-02T04:04:05.678+01:00": the
 * offset is written out, so a local time is never mistaken for UTC. `offsetMinutes` (east of UTC)
 * defaults to the browser's zone at that instant (summer time included). Kafka writes -1 when a
 * record has no timestamp.
 */
export function formatTimestamp(ms: number, zone: TimeZoneChoice, offsetMinutes?: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'no timestamp';
  if (ms > MAX_DATE_MS) return String(ms);
  if (zone === 'utc') return new Date(ms).toISOString();
  const offset = offsetMinutes ?? -new Date(ms).getTimezoneOffset();
  const shifted = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  return `${shifted}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The stored choice; anything else (nothing stored, an old value, storage refused) is UTC, as Kafka's tools print. */
export function readTimeZoneChoice(stored: string | null): TimeZoneChoice {
  return stored === 'local' ? 'local' : 'utc';
}
