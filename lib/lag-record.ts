import type { PartitionSample, Sample } from '@/lib/lag-history-store';
import { parseTpKey, tpKey } from '@/lib/tp-key';

/**
 * The records of the lag history topic: one per sample per group, keyed by the group id, with a
 * compact JSON value — partitions grouped by topic as [partition, committed, logEnd(, 1 = reset)]:
 *   {"t":1700000000000,"l":42,"m":1,"p":[["orders",[[0,10,52],[1,7,7,1]]]]}
 * "p" is left out past the detail budget (totals only). Two more kinds share the key: a reset
 * made through the dashboard ({"r":[["orders",[0,1]]],"t":…}, so whichever instance samples marks
 * it) and a deleted group (a null value: every instance forgets its history).
 */
export type HistoryRecord =
  | { kind: 'sample'; groupId: string; sample: Sample }
  | { kind: 'reset'; groupId: string; keys: string[]; t: number }
  | { kind: 'forget'; groupId: string };

function byTopic<T>(keys: Iterable<[string, T]>): Map<string, [number, T][]> {
  const topics = new Map<string, [number, T][]>();
  for (const [key, value] of keys) {
    const { topic, partition } = parseTpKey(key);
    const list = topics.get(topic) ?? [];
    list.push([partition, value]);
    topics.set(topic, list);
  }
  return topics;
}

/** The record for `record`: key and value as Kafka gets them. */
export function encodeHistoryRecord(record: HistoryRecord): { key: string; value: string | null } {
  if (record.kind === 'forget') return { key: record.groupId, value: null };
  if (record.kind === 'reset') {
    const topics = byTopic(record.keys.map((k): [string, null] => [k, null]));
    return { key: record.groupId, value: JSON.stringify({ r: [...topics].map(([topic, ps]) => [topic, ps.map(([p]) => p)]), t: record.t }) };
  }
  const { t, totalLag, members, partitions } = record.sample;
  const value: Record<string, unknown> = { t, l: totalLag, m: members ? 1 : 0 };
  if (partitions) {
    value.p = [...byTopic(partitions)].map(([topic, ps]) => [
      topic,
      ps.map(([p, s]) => (s.reset ? [p, s.committed, s.logEnd, 1] : [p, s.committed, s.logEnd])),
    ]);
  }
  return { key: record.groupId, value: JSON.stringify(value) };
}

const isOffset = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isSafeInteger(v));
const isPartition = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTopicList = (v: unknown): v is [string, unknown[]][] =>
  Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1]));

function decodePartitions(p: unknown): Map<string, PartitionSample> | null {
  if (!isTopicList(p)) return null;
  const partitions = new Map<string, PartitionSample>();
  for (const [topic, list] of p) {
    for (const entry of list) {
      if (!Array.isArray(entry) || entry.length < 3 || !isPartition(entry[0]) || !isOffset(entry[1]) || !isOffset(entry[2])) return null;
      partitions.set(
        tpKey(topic, entry[0]),
        entry[3] === 1 ? { committed: entry[1], logEnd: entry[2], reset: true } : { committed: entry[1], logEnd: entry[2] },
      );
    }
  }
  return partitions;
}

/**
 * A record of the history topic, or null for one this version cannot read (written by something
 * else, or a later format): skipped, never fatal to the history.
 */
export function decodeHistoryRecord(key: Buffer | null, value: Buffer | null): HistoryRecord | null {
  if (!key?.length) return null;
  const groupId = key.toString('utf8');
  if (value === null) return { kind: 'forget', groupId };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const v = json as Record<string, unknown>;
  if (typeof v.t !== 'number' || !Number.isFinite(v.t)) return null;
  if ('r' in v) {
    if (!isTopicList(v.r) || !v.r.every(([, ps]) => ps.every(isPartition))) return null;
    // Every partition was checked by isPartition just above.
    return { kind: 'reset', groupId, t: v.t, keys: v.r.flatMap(([topic, ps]) => ps.map((p) => tpKey(topic, p as number))) };
  }
  if (!isOffset(v.l) || (v.m !== 0 && v.m !== 1)) return null;
  const sample: Sample = { t: v.t, totalLag: v.l, members: v.m === 1 };
  if ('p' in v) {
    const partitions = decodePartitions(v.p);
    if (!partitions) return null;
    sample.partitions = partitions;
  }
  return { kind: 'sample', groupId, sample };
}

/** Applies records read from the history topic to a history, in the order read. */
export function applyHistoryRecords(
  history: { append(groupId: string, sample: Sample): void; markReset(groupId: string, keys: string[], at?: number): void; forget(groupId: string): void },
  records: HistoryRecord[],
) {
  for (const record of records) {
    if (record.kind === 'sample') history.append(record.groupId, record.sample);
    else if (record.kind === 'reset') history.markReset(record.groupId, record.keys, record.t);
    else history.forget(record.groupId);
  }
}
