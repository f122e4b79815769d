import 'server-only';
import type { GroupMember } from '@/lib/types/groups';
import {
  DESCRIBE_GROUPS, LIST_GROUPS, decodeConsumerAssignment, decodeDescribeGroupsResponse, decodeListGroupsResponse,
  encodeDescribeGroupsRequest, encodeListGroupsRequest, type DescribedGroup, type ListedGroup,
} from './group-codecs';
import { CONSUMER_GROUP_DESCRIBE, decodeConsumerGroupDescribeResponse, encodeConsumerGroupDescribeRequest, type ConsumerProtocolGroup } from './consumer-group-describe-codec';
import { OFFSET_FETCH_API_KEY, OFFSET_FETCH_VERSION, decodeOffsetFetchResponse, encodeOffsetFetchRequest, type GroupCommittedOffsets } from './offset-fetch-codec';
import { fetchOffsets } from './offsets';
import { decodedWith, handEncoded, type ProtocolCluster, type RawMetadata } from './protocol';

/** "topic:partition", the key of a partition in maps. */
export const tpKey = (topic: string, partition: number) => `${topic}:${partition}`;

export interface GroupRecord {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  coordinator: number;
  members: GroupMember[];
  /** Committed offset per "topic:partition" (only partitions with a commit). */
  committed: Map<string, number>;
  /** Owner per "topic:partition", from the members' assignments. */
  owners: Map<string, GroupMember>;
}

export interface GroupsSnapshot {
  t: number;
  metadata: RawMetadata;
  groups: GroupRecord[];
  /** Log-end offset per "topic:partition" of every topic some group committed on. */
  logEnd: Map<string, number | null>;
}

const chunk = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The groups one broker coordinates, described, with their committed offsets: three requests per 500 groups. */
async function coordinatedBy(protocol: ProtocolCluster, nodeId: number) {
  const listed = await protocol
    .sendTo(nodeId, handEncoded(LIST_GROUPS.apiKey, LIST_GROUPS.version, 'ListGroups', encodeListGroupsRequest()), decodedWith(decodeListGroupsResponse))
    .catch(() => ({ errorCode: -1, groups: [] as ListedGroup[] }));
  const batches = chunk(listed.groups.map((g) => g.groupId), 500);
  const [described, offsets] = await Promise.all([
    Promise.all(batches.map((ids) =>
      protocol.sendTo(nodeId, handEncoded(DESCRIBE_GROUPS.apiKey, DESCRIBE_GROUPS.version, 'DescribeGroups', encodeDescribeGroupsRequest(ids)), decodedWith(decodeDescribeGroupsResponse)),
    )),
    Promise.all(batches.map((ids) =>
      protocol.sendTo(nodeId, handEncoded(OFFSET_FETCH_API_KEY, OFFSET_FETCH_VERSION, 'OffsetFetch', encodeOffsetFetchRequest(ids)), decodedWith(decodeOffsetFetchResponse)),
    )),
  ]);
  const notClassic = described.flat().filter((d) => d.errorCode !== 0 || d.state === 'Dead').map((d) => d.groupId);
  const modern = await describeConsumerProtocolGroups(protocol, nodeId, notClassic).catch(() => [] as ConsumerProtocolGroup[]);
  return { nodeId, listed: listed.groups, described: described.flat(), offsets: offsets.flat(), modern };
}

/**
 * ConsumerGroupDescribe of `groupIds` on their coordinator `nodeId` (per 500), keeping the groups it
 * knows; nothing when the broker predates it. For groups of the new consumer protocol (KIP-848),
 * which DescribeGroups answers as "Dead" with no members.
 */
export async function describeConsumerProtocolGroups(protocol: ProtocolCluster, nodeId: number, groupIds: string[]): Promise<ConsumerProtocolGroup[]> {
  if (!groupIds.length) return [];
  const supported = await protocol.apiVersions(nodeId, CONSUMER_GROUP_DESCRIBE.apiKey).catch(() => null);
  if (!supported || supported.maxVersion < CONSUMER_GROUP_DESCRIBE.version) return [];
  const answers = await Promise.all(chunk(groupIds, 500).map((batch) =>
    protocol.sendTo(nodeId, handEncoded(CONSUMER_GROUP_DESCRIBE.apiKey, CONSUMER_GROUP_DESCRIBE.version, 'ConsumerGroupDescribe', encodeConsumerGroupDescribeRequest(batch)), decodedWith(decodeConsumerGroupDescribeResponse)),
  ));
  return answers.flat().filter((g) => g.errorCode === 0);
}

function toRecord(
  nodeId: number,
  listed: ListedGroup,
  described: DescribedGroup | undefined,
  offsets: GroupCommittedOffsets | undefined,
  modern: ConsumerProtocolGroup | undefined,
): GroupRecord {
  const members: GroupMember[] = modern
    ? modern.members
    : (described && described.errorCode === 0 ? described.members : []).map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.host.replace(/^\//, ''),
        assignments: described?.protocolType === 'consumer' ? decodeConsumerAssignment(m.assignment) : [],
      }));
  const owners = new Map<string, GroupMember>();
  for (const m of members) for (const a of m.assignments) for (const p of a.partitions) owners.set(tpKey(a.topic, p), m);
  const committed = new Map<string, number>();
  for (const p of offsets?.partitions ?? []) if (p.errorCode === 0 && p.committedOffset >= 0) committed.set(tpKey(p.topic, p.partition), p.committedOffset);
  return {
    groupId: listed.groupId,
    state: modern?.state ?? (described && described.errorCode === 0 && described.state ? described.state : listed.state || 'Unknown'),
    protocolType: listed.protocolType,
    protocol: described?.protocol ?? '',
    coordinator: nodeId,
    members,
    committed,
    owners,
  };
}

/**
 * Every consumer group with members, assignments, committed and log-end offsets, in a constant
 * number of round trips: one Metadata, then per broker ListGroups, DescribeGroups and OffsetFetch
 * (per 500 groups), then the log-end offsets of the topics involved (two ListOffsets per broker).
 */
export async function takeGroupsSnapshot(protocol: ProtocolCluster): Promise<GroupsSnapshot> {
  const metadata = await protocol.metadata();
  const perBroker = await Promise.all(metadata.brokers.map((b) => coordinatedBy(protocol, b.nodeId).catch(() => null)));
  const groups: GroupRecord[] = [];
  const seen = new Set<string>();
  for (const answer of perBroker) {
    if (!answer) continue;
    const described = new Map(answer.described.map((d) => [d.groupId, d]));
    const offsets = new Map(answer.offsets.map((o) => [o.groupId, o]));
    const modern = new Map(answer.modern.map((g) => [g.groupId, g]));
    for (const listed of answer.listed) {
      if (seen.has(listed.groupId)) continue;
      seen.add(listed.groupId);
      groups.push(toRecord(answer.nodeId, listed, described.get(listed.groupId), offsets.get(listed.groupId), modern.get(listed.groupId)));
    }
  }
  const topics = new Set(groups.flatMap((g) => [...g.committed.keys(), ...g.owners.keys()].map((k) => k.slice(0, k.lastIndexOf(':')))));
  // Lag needs the log-end offsets only: one ListOffsets per broker, not two.
  const table = await fetchOffsets(protocol, metadata, topics, { latestOnly: true });
  const logEnd = new Map<string, number | null>();
  for (const [topic, partitions] of table) for (const [partition, o] of partitions) logEnd.set(tpKey(topic, partition), o.latest);
  groups.sort((a, b) => a.groupId.localeCompare(b.groupId));
  return { t: Date.now(), metadata, groups, logEnd };
}
