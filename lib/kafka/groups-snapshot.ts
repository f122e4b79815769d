import 'server-only';
import type { GroupMember } from '@/lib/types/groups';
import type { GroupType } from '@/lib/types/groups';
import { forEachInSlices, sortInSlices } from '@/lib/time-slices';
import { tpKey } from '@/lib/tp-key';
import { fetchOffsets } from './offsets';
import { UnsupportedApiError, type ProtocolCluster, type RawMetadata } from './protocol';
import { consumerGroupDescribe, type ConsumerProtocolGroup } from './protocol/codecs/consumer-group-describe';
import { decodeConsumerAssignment, describeGroups, type DescribedGroup } from './protocol/codecs/describe-groups';
import { describeShareGroupOffsets, type ShareGroupOffsets } from './protocol/codecs/describe-share-group-offsets';
import { listGroups, type ListedGroup } from './protocol/codecs/list-groups';
import { offsetFetch, type GroupCommittedOffsets } from './protocol/codecs/offset-fetch';
import { shareGroupDescribe, type ShareGroup } from './protocol/codecs/share-group-describe';

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
  committed: ReadonlyMap<string, number>;
  /** Owner per "topic:partition", from the members' assignments (a share group's partitions may have several: the first). */
  owners: ReadonlyMap<string, GroupMember>;
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
  /** Log-start offset of the same partitions (for /metrics' kafka_partition_earliest_offset). */
  logStart: Map<string, number | null>;
  /**
   * Brokers whose groups are missing from `groups`: their ListGroups (or the requests after it)
   * failed. Said to the user, not dropped: a missing group is not a deleted one.
   */
  missingBrokers: number[];
}

/**
 * What a group without members owns, or without commits has committed: one shared empty map, not a
 * new one per group (most of 100,000 groups are idle, and each map costs about 150 bytes a sample).
 */
const NOTHING: ReadonlyMap<string, never> = new Map<string, never>();

const chunk = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** `fallback` when the broker speaks no version of the API (an older Kafka); other failures are thrown. */
const unlessUnsupported = <T>(answer: Promise<T>, fallback: T): Promise<T> =>
  answer.catch((error: unknown) => {
    if (error instanceof UnsupportedApiError) return fallback;
    throw error;
  });

const isShare = (g: ListedGroup) => g.type === 'share' || g.protocolType === 'share';

/**
 * An empty classic group has no members and no protocol: ListGroups (v5, which says the type) has
 * told all DescribeGroups would. Most groups of a large cluster are such (offsets kept, consumers
 * gone), and describing them was about a third of a sample's requests.
 */
const needsDescribe = (g: ListedGroup) => !(g.type === 'classic' && g.state === 'Empty');

/**
 * The groups one broker coordinates, described, with their committed offsets: two requests per
 * 500 groups (one for empty classic groups), plus two per 500 share groups.
 */
async function coordinatedBy(protocol: ProtocolCluster, nodeId: number) {
  // ListGroups v5 (Kafka 3.8+) says each group's type; share groups are only told apart by it.
  const listed = await protocol.call(listGroups, null, { broker: nodeId });
  // An error here (coordinator loading, not available) means its list is unknown, not empty.
  if (listed.errorCode !== 0) throw new Error(`ListGroups on broker ${nodeId} answered error ${listed.errorCode}`);
  const shareIds = listed.groups.filter(isShare).map((g) => g.groupId);
  const share = describeShareGroups(protocol, nodeId, shareIds).catch(() => ({ groups: [] as ShareGroup[], offsets: [] as ShareGroupOffsets[] }));
  const others = listed.groups.filter((g) => !isShare(g));
  const [described, offsets] = await Promise.all([
    Promise.all(
      chunk(others.filter(needsDescribe), 500).map((batch) => protocol.call(describeGroups, { groupIds: batch.map((g) => g.groupId) }, { broker: nodeId })),
    ),
    Promise.all(chunk(others, 500).map((batch) => protocol.call(offsetFetch, { groupIds: batch.map((g) => g.groupId) }, { broker: nodeId }))),
  ]);
  const notClassic = described
    .flat()
    .filter((d) => d.errorCode !== 0 || d.state === 'Dead')
    .map((d) => d.groupId);
  const modern = await describeConsumerProtocolGroups(protocol, nodeId, notClassic).catch(() => [] as ConsumerProtocolGroup[]);
  return { nodeId, listed: listed.groups, described: described.flat(), offsets: offsets.flat(), modern, share: await share };
}

/**
 * ShareGroupDescribe and DescribeShareGroupOffsets of `groupIds` on their coordinator `nodeId` (per
 * 500): share groups (KIP-932), which DescribeGroups answers as "Dead" with no members and which
 * commit no offsets. Nothing when the broker does not offer the share APIs.
 */
export async function describeShareGroups(
  protocol: ProtocolCluster,
  nodeId: number,
  groupIds: string[],
): Promise<{ groups: ShareGroup[]; offsets: ShareGroupOffsets[] }> {
  if (!groupIds.length) return { groups: [], offsets: [] };
  const batches = chunk(groupIds, 500);
  const [groups, offsets] = await Promise.all([
    unlessUnsupported(Promise.all(batches.map((ids) => protocol.call(shareGroupDescribe, { groupIds: ids }, { broker: nodeId }))), []),
    unlessUnsupported(Promise.all(batches.map((ids) => protocol.call(describeShareGroupOffsets, { groupIds: ids }, { broker: nodeId }))), []),
  ]);
  return { groups: groups.flat().filter((g) => g.errorCode === 0), offsets: offsets.flat().filter((o) => o.errorCode === 0) };
}

function shareRecord(
  nodeId: number,
  listed: ListedGroup,
  group: ShareGroup | undefined,
  offsets: ShareGroupOffsets | undefined,
  topics: Set<string>,
): GroupRecord {
  const members = group?.members ?? [];
  const owners = new Map<string, GroupMember>();
  for (const m of members) for (const a of m.assignments) for (const p of a.partitions) if (!owners.has(tpKey(a.topic, p))) owners.set(tpKey(a.topic, p), m);
  for (const m of members) for (const a of m.assignments) if (a.partitions.length) topics.add(a.topic);
  const shareOffsets = new Map<string, { startOffset: number; lag: number | null }>();
  for (const p of offsets?.partitions ?? []) {
    if (p.errorCode !== 0) continue;
    shareOffsets.set(tpKey(p.topic, p.partition), { startOffset: p.startOffset, lag: p.lag });
    topics.add(p.topic);
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
    committed: NOTHING,
    owners: owners.size ? owners : NOTHING,
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
  const answers = await unlessUnsupported(
    Promise.all(chunk(groupIds, 500).map((batch) => protocol.call(consumerGroupDescribe, { groupIds: batch }, { broker: nodeId }))),
    [],
  );
  return answers.flat().filter((g) => g.errorCode === 0);
}

function toRecord(
  nodeId: number,
  listed: ListedGroup,
  described: DescribedGroup | undefined,
  offsets: GroupCommittedOffsets | undefined,
  modern: ConsumerProtocolGroup | undefined,
  /** Gets the topics the group has committed on or is assigned. */
  topics: Set<string>,
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
  for (const p of offsets?.partitions ?? []) {
    if (p.errorCode !== 0 || p.committedOffset < 0) continue;
    committed.set(tpKey(p.topic, p.partition), p.committedOffset);
    topics.add(p.topic);
  }
  for (const m of members) for (const a of m.assignments) if (a.partitions.length) topics.add(a.topic);
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
    committed: committed.size ? committed : NOTHING,
    owners: owners.size ? owners : NOTHING,
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
  const topics = new Set<string>();
  const missingBrokers = metadata.brokers
    .filter((_, i) => !perBroker[i])
    .map((b) => b.nodeId)
    .sort((a, b) => a - b);
  for (const answer of perBroker) {
    if (!answer) continue;
    const described = new Map(answer.described.map((d) => [d.groupId, d]));
    const offsets = new Map(answer.offsets.map((o) => [o.groupId, o]));
    const modern = new Map(answer.modern.map((g) => [g.groupId, g]));
    const share = new Map(answer.share.groups.map((g) => [g.groupId, g]));
    const shareOffsets = new Map(answer.share.offsets.map((o) => [o.groupId, o]));
    await forEachInSlices(answer.listed, (listed) => {
      if (seen.has(listed.groupId)) return;
      seen.add(listed.groupId);
      groups.push(
        isShare(listed)
          ? shareRecord(answer.nodeId, listed, share.get(listed.groupId), shareOffsets.get(listed.groupId), topics)
          : toRecord(answer.nodeId, listed, described.get(listed.groupId), offsets.get(listed.groupId), modern.get(listed.groupId), topics),
      );
    });
  }
  // Two ListOffsets per broker, in parallel: log ends for the lag, log starts for /metrics.
  const table = await fetchOffsets(protocol, metadata, topics);
  const logEnd = new Map<string, number | null>();
  const logStart = new Map<string, number | null>();
  for (const [topic, partitions] of table) {
    for (const [partition, o] of partitions) {
      logEnd.set(tpKey(topic, partition), o.latest);
      logStart.set(tpKey(topic, partition), o.earliest);
    }
  }
  const sorted = await sortInSlices(groups, (a, b) => a.groupId.localeCompare(b.groupId));
  return { t: Date.now(), metadata, groups: sorted, logEnd, logStart, missingBrokers };
}
