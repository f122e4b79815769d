import { kafkaCli } from './kafka-cli';

/** Rows of a `kafka-share-groups --describe …` table whose first column is the group. */
function rows(groupId: string, ...args: string[]): string[][] {
  return kafkaCli('share-groups', '--describe', '--group', groupId, ...args, '--verbose')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[0] === groupId);
}

const numberOrNull = (value: string) => (value === '-' ? null : Number(value));

/** `--describe --offsets --verbose`: per partition the start offset and lag ("-" → null). */
export function shareOffsetsWithCli(groupId: string) {
  return rows(groupId, '--offsets')
    .map(([, topic, partition, , startOffset, lag]) => ({
      topic,
      partition: Number(partition),
      startOffset: numberOrNull(startOffset),
      lag: numberOrNull(lag),
    }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** `--describe --members --verbose`: CONSUMER-ID HOST CLIENT-ID #PARTITIONS MEMBER-EPOCH ASSIGNMENT. */
export function shareMembersWithCli(groupId: string) {
  return rows(groupId, '--members').map(([, memberId, host, clientId, partitions, memberEpoch, assignment = '']) => ({
    memberId,
    host: host.replace(/^\//, ''),
    clientId,
    partitionCount: Number(partitions),
    memberEpoch: Number(memberEpoch),
    /** "topic:0,1,2" (the tests use one topic). */
    assignment,
  }));
}

/** `--describe --state --verbose`: COORDINATOR (ID) STATE GROUP-EPOCH ASSIGNMENT-EPOCH #MEMBERS. */
export function shareStateWithCli(groupId: string) {
  const [cols] = rows(groupId, '--state');
  if (!cols) return null;
  // "127.0.0.1:19094  (2)" splits into two words.
  const [, , coordinatorId, state, groupEpoch, assignmentEpoch, members] = cols;
  return {
    coordinator: Number(coordinatorId.replace(/[()]/g, '')),
    state,
    groupEpoch: Number(groupEpoch),
    assignmentEpoch: Number(assignmentEpoch),
    members: Number(members),
  };
}

export const listShareGroupsWithCli = () =>
  kafkaCli('share-groups', '--list')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
