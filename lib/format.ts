/** Human-readable durations and sizes, for config values and counts. Pure. */

const DURATION_UNITS: [number, string][] = [
  [86_400_000 * 7, 'week'],
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'ms'],
];

/** 604800000 → "7 days"; 90000 → "1 minute 30 seconds"; -1 → "forever". */
export function formatDuration(ms: number): string {
  if (ms < 0) return 'forever';
  if (ms === 0) return '0 ms';
  const parts: string[] = [];
  let rest = ms;
  for (const [size, unit] of DURATION_UNITS) {
    // Prefer days over weeks for the common retention values (7 days, 14 days, 30 days).
    if (unit === 'week') continue;
    // Milliseconds only matter below a second.
    if (unit === 'ms' && parts.length) break;
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(unit === 'ms' ? `${count} ms` : `${count} ${unit}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1048576 → "1 MiB"; 1536 → "1.5 KiB"; -1 → "unlimited". */
export function formatBytes(bytes: number): string {
  if (bytes < 0) return 'unlimited';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 || unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${BYTE_UNITS[unit]}`;
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A config value as a person reads it, from its name's unit: retention.ms 604800000 → "7 days". */
export function humanizeConfigValue(name: string, value: string | null): string | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  const n = Number(value);
  if (name.endsWith('.ms')) return formatDuration(n);
  if (name.endsWith('.bytes') || name === 'max.message.bytes') return formatBytes(n);
  return null;
}

/** Java's Long.MAX_VALUE: Kafka's "never" for durations (max.compaction.lag.ms, log.message.timestamp.after.max.ms). */
const LONG_MAX = '9223372036854775807';

/**
 * A config value in words for config tables, saying "forever" / "unlimited" where Kafka means no
 * limit: Long.MAX_VALUE, and -1 (retention.ms=-1, retention.bytes=-1). local.retention.* -2 means
 * "as retention.*" (KIP-405). Other values as humanizeConfigValue words them.
 */
export function configValueInWords(name: string, value: string | null): string | null {
  if (value === null) return null;
  const duration = name.endsWith('.ms');
  const size = name.endsWith('.bytes');
  if (!duration && !size) return null;
  if (value === LONG_MAX || value === '-1') return duration ? 'forever' : 'unlimited';
  if (value === '-2' && name.startsWith('local.retention.')) return `as ${name.slice('local.'.length)}`;
  if (value.startsWith('-')) return null;
  return humanizeConfigValue(name, value);
}
