import { formatCount } from '@/lib/format';

/**
 * What a topic's header and partition table say about it beyond the raw metadata: its replication
 * factor when a reassignment left partitions with different replica counts, and how evenly its
 * messages are spread over the partitions. Pure.
 */

export interface ReplicationFactor {
  min: number;
  max: number;
}

/** The smallest and largest replica count over the partitions (0 for a topic without partitions). */
export function replicationFactor(replicaCounts: number[]): ReplicationFactor {
  if (!replicaCounts.length) return { min: 0, max: 0 };
  return { min: Math.min(...replicaCounts), max: Math.max(...replicaCounts) };
}

/** "3", or "mixed (1–3)" when partitions differ: the maximum alone hides under-protected partitions. */
export function formatReplicationFactor({ min, max }: ReplicationFactor): string {
  return min === max ? String(max) : `mixed (${min}–${max})`;
}

/** A partition is called out when its share is below half or above twice the even share. */
const LOW = 0.5;
const HIGH = 2;
/** Below this many messages per partition on average, an uneven spread is noise, not a hint. */
const MIN_AVERAGE = 10;

export interface MessageSpread {
  /** partition → its share of the topic's messages (0..1); partitions with an unknown count are left out. */
  shares: Map<number, number>;
  /** Partitions holding far less or far more than an even share. */
  skewed: Set<number>;
  /** One sentence for the page, or null when the spread is even enough (or too small to judge). */
  hint: string | null;
}

/** A share as a percentage: "17%", with a decimal below 10% ("0.4%") so small shares do not read as 0. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
}

/** Each partition's share of the messages and the ones far from an even share (e.g. 0 of 50,000). */
export function messageSpread(partitions: { partition: number; messages: number | null }[]): MessageSpread {
  const known = partitions.filter((p): p is { partition: number; messages: number } => p.messages !== null);
  const total = known.reduce((sum, p) => sum + p.messages, 0);
  const shares = new Map<number, number>();
  const skewed = new Set<number>();
  if (total === 0) return { shares, skewed, hint: null };
  for (const p of known) shares.set(p.partition, p.messages / total);
  const even = 1 / known.length;
  if (known.length < 2 || total < MIN_AVERAGE * known.length) return { shares, skewed, hint: null };
  const outliers = known
    .filter((p) => p.messages / total < even * LOW || p.messages / total > even * HIGH)
    .sort((a, b) => Math.abs(b.messages / total - even) - Math.abs(a.messages / total - even) || a.partition - b.partition);
  for (const p of outliers) skewed.add(p.partition);
  if (!outliers.length) return { shares, skewed, hint: null };
  const shown = outliers
    .slice(0, 3)
    .map(
      (p, i) =>
        `partition ${p.partition} holds ${formatCount(p.messages)}${i === 0 ? ` of ${formatCount(total)} messages` : ''} (${formatShare(p.messages / total)})`,
    );
  const more = outliers.length > 3 ? `, and ${outliers.length - 3} more` : '';
  return { shares, skewed, hint: `Uneven spread: ${shown.join(', ')}${more}; an even share is ${formatShare(even)}.` };
}
