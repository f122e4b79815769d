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
  return new Map(
    output
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[0] === groupId && cols[1] === topic)
      .map(([, , partition, offset]) => [Number(partition), Number(offset)]),
  );
}

export const listGroupsWithCli = () => kafkaCli('consumer-groups', '--list').split('\n').map((l) => l.trim()).filter(Boolean);
