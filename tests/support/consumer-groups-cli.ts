import { kafkaCli } from './kafka-cli';

export interface CliGroupRow {
  topic: string;
  partition: number;
  committedOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  memberId: string | null;
  host: string | null;
  clientId: string | null;
}

const orNull = (value: string) => (value === '-' ? null : value);
const numberOrNull = (value: string) => (value === '-' ? null : Number(value));

/** `kafka-consumer-groups --describe --group G`, parsed row by row. */
export function describeGroupWithCli(groupId: string): CliGroupRow[] {
  return kafkaCli('consumer-groups', '--describe', '--group', groupId)
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[0] === groupId && cols.length >= 9)
    .map(([, topic, partition, current, logEnd, lag, memberId, host, clientId]) => ({
      topic,
      partition: Number(partition),
      committedOffset: numberOrNull(current),
      logEndOffset: numberOrNull(logEnd),
      lag: numberOrNull(lag),
      memberId: orNull(memberId),
      host: orNull(host)?.replace(/^\//, '') ?? null,
      clientId: orNull(clientId),
    }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** `kafka-consumer-groups --reset-offsets … --dry-run`: the NEW-OFFSET per partition. */
export function resetDryRunWithCli(groupId: string, topic: string, ...how: string[]): Map<number, number> {
  const output = kafkaCli('consumer-groups', '--reset-offsets', '--group', groupId, '--topic', topic, ...how, '--dry-run');
  // Read as a stream of words, not lines: Kafka 3.9 prints these rows without line breaks.
  const words = output.trim().split(/\s+/);
  const rows = new Map<number, number>();
  for (let i = 0; i + 3 < words.length; i++) {
    if (words[i] === groupId && words[i + 1] === topic) rows.set(Number(words[i + 2]), Number(words[i + 3]));
  }
  // An empty reference would make any comparison meaningless: show what the tool said instead.
  if (rows.size === 0) throw new Error(`kafka-consumer-groups --reset-offsets printed no offsets:\n${output}`);
  return rows;
}

export const listGroupsWithCli = () =>
  kafkaCli('consumer-groups', '--list')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
