import 'server-only';
import type { GroupMember } from '@/lib/types/groups';
import {
  DESCRIBE_GROUPS, LIST_GROUPS, decodeConsumerAssignment, decodeDescribeGroupsResponse, decodeListGroupsResponse,
  encodeDescribeGroupsRequest, encodeListGroupsRequest, type DescribedGroup, type ListedGroup,
} from './group-codecs';
import { CONSUMER_GROUP_DESCRIBE, decodeConsumerGroupDescribeResponse, encodeConsumerGroupDescribeRequest, type ConsumerProtocolGroup } from './consumer-group-describe-codec';
import {
  DESCRIBE_SHARE_GROUP_OFFSETS, SHARE_GROUP_DESCRIBE, decodeDescribeShareGroupOffsetsResponse, decodeShareGroupDescribeResponse,
  encodeDescribeShareGroupOffsetsRequest, encodeShareGroupDescribeRequest, type ShareGroup, type ShareGroupOffsets,
} from './share-group-codecs';
import type { GroupType } from '@/lib/types/groups';
import { OFFSET_FETCH_API_KEY, OFFSET_FETCH_VERSION, decodeOffsetFetchResponse, encodeOffsetFetchRequest, type GroupCommittedOffsets } from './offset-fetch-codec';
import { fetchOffsets } from './offsets';
import { decodedWith, handEncoded, type ProtocolCluster, type RawMetadata } from './protocol';

/** "topic:partition", the key of a partition in maps. */
export const tpKey = (topic: string, partition: number) => `${topic}:${partition}`;

export interface GroupRecord {
  groupId: string;
  type: GroupType;
  state: string;
  protocolType: string;
  protocol: string;
  /** Broker-side assignor of consumer and share groups; null for classic groups. */
  assignor: string | null;
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  coordinator: number;
  members: GroupMember[];
  /** Committed offset per "topic:partition" (only partitions with a commit). Empty for a share group, which commits nothing. */
  committed: Map<string, number>;
  /** Owner per "topic:partition", from the members' assignments (a share group's partitions may have several: the first). */
  owners: Map<string, GroupMember>;
  /**
   * Share groups only: per "topic:partition" the share-partition start offset and the lag the broker
   * reports (null from a broker without DescribeShareGroupOffsets v1). The start offset is persisted
   * lazily and may trail what was acknowledged, so log end − start offset is not the lag.
   */
  shareOffsets?: Map<string, { startOffset: number; lag: number | null }>;
}

export interface GroupsSnapshot {
  t: number;
  metadata: RawMetadata;
  groups: GroupRecord[];
  /** Log-end offset per "topic:partition" of every topic some group committed on. */
  logEnd: Map<string, number | null>;
}

const chunk = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The newest version of `api` both we and broker `nodeId` speak, or null. */
async function agreedVersion(protocol: ProtocolCluster, nodeId: number, api: { apiKey: number; version: number; minVersion?: number }) {
  const supported = await protocol.apiVersions(nodeId, api.apiKey).catch(() => null);
  if (!supported) return null;
  const version = Math.min(api.version, supported.maxVersion);
  return version >= Math.max(api.minVersion ?? api.version, supported.minVersion) ? version : null;
}

const isShare = (g: ListedGroup) => g.type === 'share' || g.protocolType === 'share';

/**
 * The groups one broker coordinates, described, with their committed offsets: three requests per
 * 500 groups, plus two per 500 share groups.
 */
async function coordinatedBy(protocol: ProtocolCluster, nodeId: number) {
  // ListGroups v5 (Kafka 3.8+) says each group's type; share groups are only told apart by it.
  const listVersion = (await agreedVersion(protocol, nodeId, LIST_GROUPS)) === 5 ? 5 : 4;
  const listed = await protocol
    .sendTo(nodeId, handEncoded(LIST_GROUPS.apiKey, listVersion, 'ListGroups', encodeListGroupsRequest(listVersion)), decodedWith((payload) => decodeListGroupsResponse(payload, listVersion)))
    .catch(() => ({ errorCode: -1, groups: [] as ListedGroup[] }));
  const shareIds = listed.groups.filter(isShare).map((g) => g.groupId);
  const share = describeShareGroups(protocol, nodeId, shareIds).catch(() => ({ groups: [] as ShareGroup[], offsets: [] as ShareGroupOffsets[] }));
  const batches = chunk(listed.groups.filter((g) => !isShare(g)).map((g) => g.groupId), 500);
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
  return { nodeId, listed: listed.groups, described: described.flat(), offsets: offsets.flat(), modern, share: await share };
}

/**
 * ShareGroupDescribe and DescribeShareGroupOffsets of `groupIds` on their coordinator `nodeId` (per
 * 500): share groups (KIP-932), which DescribeGroups answers as "Dead" with no members and which
 * commit no offsets. Nothing when the broker does not offer the share APIs.
 */
export async function describeShareGroups(protocol: ProtocolCluster, nodeId: number, groupIds: string[]): Promise<{ groups: ShareGroup[]; offsets: ShareGroupOffsets[] }> {
  if (!groupIds.length) return { groups: [], offsets: [] };
  const [describeVersion, offsetsVersion] = await Promise.all([
    agreedVersion(protocol, nodeId, SHARE_GROUP_DESCRIBE),
    agreedVersion(protocol, nodeId, DESCRIBE_SHARE_GROUP_OFFSETS),
  ]);
  const batches = chunk(groupIds, 500);
  const [groups, offsets] = await Promise.all([
    describeVersion === null ? [] : Promise.all(batches.map((ids) =>
      protocol.sendTo(nodeId, handEncoded(SHARE_GROUP_DESCRIBE.apiKey, describeVersion, 'ShareGroupDescribe', encodeShareGroupDescribeRequest(ids)), decodedWith(decodeShareGroupDescribeResponse)),
    )),
    offsetsVersion === null ? [] : Promise.all(batches.map((ids) =>
      protocol.sendTo(
        nodeId,
        handEncoded(DESCRIBE_SHARE_GROUP_OFFSETS.apiKey, offsetsVersion, 'DescribeShareGroupOffsets', encodeDescribeShareGroupOffsetsRequest(ids)),
        decodedWith((payload) => decodeDescribeShareGroupOffsetsResponse(payload, offsetsVersion ? 1 : 0)),
      ),
    )),
  ]);
  return { groups: groups.flat().filter((g) => g.errorCode === 0), offsets: offsets.flat().filter((o) => o.errorCode === 0) };
}

function shareRecord(nodeId: number, listed: ListedGroup, group: ShareGroup | undefined, offsets: ShareGroupOffsets | undefined): GroupRecord {
  const members = group?.members ?? [];
  const owners = new Map<string, GroupMember>();
  for (const m of members) for (const a of m.assignments) for (const p of a.partitions) if (!owners.has(tpKey(a.topic, p))) owners.set(tpKey(a.topic, p), m);
  const shareOffsets = new Map<string, { startOffset: number; lag: number | null }>();
  for (const p of offsets?.partitions ?? []) {
    if (p.errorCode === 0) shareOffsets.set(tpKey(p.topic, p.partition), { startOffset: p.startOffset, lag: p.lag });
  }
  return {
    groupId: listed.groupId,
    type: 'share',
    state: group?.state ?? (listed.state || 'Unknown'),
    protocolType: listed.protocolType,
    protocol: '',
    assignor: group?.assignor ?? null,
    groupEpoch: group?.groupEpoch ?? null,
    assignmentEpoch: group?.assignmentEpoch ?? null,
    coordinator: nodeId,
    members,
    committed: new Map(),
    owners,
    shareOffsets,
  };
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
        instanceId: m.instanceId,
        memberEpoch: null,
        assignments: described?.protocolType === 'consumer' ? decodeConsumerAssignment(m.assignment) : [],
      }));
  const owners = new Map<string, GroupMember>();
  for (const m of members) for (const a of m.assignments) for (const p of a.partitions) owners.set(tpKey(a.topic, p), m);
  const committed = new Map<string, number>();
  for (const p of offsets?.partitions ?? []) if (p.errorCode === 0 && p.committedOffset >= 0) committed.set(tpKey(p.topic, p.partition), p.committedOffset);
  return {
    groupId: listed.groupId,
    // A broker before ListGroups v5 does not say; ConsumerGroupDescribe knowing the group does.
    type: (listed.type || (modern ? 'consumer' : 'classic')) as GroupType,
    state: modern?.state ?? (described && described.errorCode === 0 && described.state ? described.state : listed.state || 'Unknown'),
    protocolType: listed.protocolType,
    protocol: described?.protocol ?? '',
    assignor: modern?.assignor ?? null,
    groupEpoch: modern?.groupEpoch ?? null,
    assignmentEpoch: modern?.assignmentEpoch ?? null,
    coordinator: nodeId,
    members,
    committed,
    owners,
  };
}

/**
 * Every consumer group with members, assignments, committed and log-end offsets, in a constant
 * number of round trips: one Metadata, then per broker ListGroups, DescribeGroups and OffsetFetch
 * (per 500 groups; ShareGroupDescribe and DescribeShareGroupOffsets for share groups), then the
 * log-end offsets of the topics involved (one ListOffsets per broker).
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
    const share = new Map(answer.share.groups.map((g) => [g.groupId, g]));
    const shareOffsets = new Map(answer.share.offsets.map((o) => [o.groupId, o]));
    for (const listed of answer.listed) {
      if (seen.has(listed.groupId)) continue;
      seen.add(listed.groupId);
      groups.push(isShare(listed)
        ? shareRecord(answer.nodeId, listed, share.get(listed.groupId), shareOffsets.get(listed.groupId))
        : toRecord(answer.nodeId, listed, described.get(listed.groupId), offsets.get(listed.groupId), modern.get(listed.groupId)));
    }
  }
  const topics = new Set(groups.flatMap((g) => [...g.committed.keys(), ...g.owners.keys(), ...(g.shareOffsets?.keys() ?? [])].map((k) => k.slice(0, k.lastIndexOf(':')))));
  // Lag needs the log-end offsets only: one ListOffsets per broker, not two.
  const table = await fetchOffsets(protocol, metadata, topics, { latestOnly: true });
  const logEnd = new Map<string, number | null>();
  for (const [topic, partitions] of table) for (const [partition, o] of partitions) logEnd.set(tpKey(topic, partition), o.latest);
  groups.sort((a, b) => a.groupId.localeCompare(b.groupId));
  return { t: Date.now(), metadata, groups, logEnd };
}
