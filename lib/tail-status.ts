import { formatCount } from './format';

const SHOWN = 4;

/**
 * Where a read stands, in words: "offset 120 on p0, 98 on p1", "offset 0 on all 6 partitions", or
 * for many partitions the first few and a count ("… and 20 more partitions"). Pure.
 */
export function describePositions(positions: Record<string, number>): string {
  const entries = Object.entries(positions)
    .map(([p, o]) => [Number(p), o] as const)
    .sort((a, b) => a[0] - b[0]);
  if (!entries.length) return '';
  const offsets = new Set(entries.map(([, o]) => o));
  if (offsets.size === 1) {
    const [[partition, offset]] = entries;
    return entries.length === 1 ? `offset ${formatCount(offset)} on p${partition}` : `offset ${formatCount(offset)} on all ${entries.length} partitions`;
  }
  const shown = entries.slice(0, SHOWN).map(([p, o], i) => (i === 0 ? `offset ${formatCount(o)} on p${p}` : `${formatCount(o)} on p${p}`));
  const more = entries.length - SHOWN;
  return shown.join(', ') + (more > 0 ? ` and ${more} more partition${more === 1 ? '' : 's'}` : '');
}
