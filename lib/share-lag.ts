/**
 * Lag and status of a share group's partitions (KIP-932). Pure.
 *
 * A share group commits no offsets. Its share coordinator keeps a start offset per partition (the
 * first record not yet acknowledged by every delivery) and, from Kafka 4.2 (DescribeShareGroupOffsets
 * v1), the lag: records up to the log end not yet acknowledged. The start offset is persisted lazily
 * and may trail acknowledgements made out of order, so log end − start offset can overstate the lag;
 * it is only the fallback for brokers that do not report one. The committed-offset trend rules
 * (stalled, lagging, rewinding) do not apply: the start offset does not move as a consumer's position does.
 */
import type { StatusVerdict } from '@/lib/types/groups';

/**
 * Lag as `kafka-share-groups --describe --offsets` shows it: the broker's when it reports one (≥ 0),
 * else log end − start offset; null while the partition has no start offset (nothing consumed yet).
 */
export function shareLag(startOffset: number | null, reportedLag: number | null, logEndOffset: number | null): number | null {
  if (startOffset === null || startOffset < 0) return null;
  if (reportedLag !== null) return reportedLag >= 0 ? reportedLag : null;
  return logEndOffset === null ? null : Math.max(0, logEndOffset - startOffset);
}

/** One partition's verdict: caught up, consuming with records waiting, or waiting with nobody to consume them. */
export function sharePartitionStatus(lag: number | null, hasMembers: boolean): StatusVerdict {
  if (lag === null) return { status: 'unknown', reason: 'no start offset yet: the share group has not consumed this partition' };
  if (lag === 0) return { status: 'ok', reason: 'caught up' };
  if (!hasMembers) return { status: 'stopped', reason: `no members; ${lag} record(s) not yet acknowledged` };
  return { status: 'ok', reason: `consuming; ${lag} record(s) not yet acknowledged` };
}
