import 'server-only';
import { catchUp, partitionLag, totalLag, windowOf } from '@/lib/lag';
import { partitionStatus, worstStatus } from '@/lib/lag-status';
import type { GroupDetails, GroupList, GroupPartitionOffset, GroupSummary, LagSample, TopicConsumer } from '@/lib/types/groups';
import { clusterConfig, withCluster } from './clients';
import { coalesce, forget } from './coalesce';
import { notFound } from './errors';
import { takeGroupsSnapshot, tpKey, type GroupRecord, type GroupsSnapshot } from './groups-snapshot';
import { hasConsumers, historyOf, lagSettings } from './lag-history';
import { oldestUnconsumed, unreadable } from './oldest-unconsumed';

const samplers = ((globalThis as { __lagSamplers?: Map<string, NodeJS.Timeout> }).__lagSamplers ??= new Map());

/**
 * The current groups snapshot, shared by concurrent callers, recorded into the lag history. The
 * first call for a cluster starts its sampler, so lag history builds while the dashboard runs.
 */
export function groupsSnapshot(cluster: string): Promise<GroupsSnapshot> {
  const { sampleIntervalMs, historyMs } = lagSettings();
  // Only configured clusters get a sampler: a name from a request must not start a timer.
  clusterConfig(cluster);
  if (!samplers.has(cluster)) {
    const timer = setInterval(() => void groupsSnapshot(cluster).catch(() => {}), sampleIntervalMs);
    timer.unref();
    samplers.set(cluster, timer);
  }
  return coalesce(`groups:${cluster}`, Math.min(2000, sampleIntervalMs / 2), async () => {
    const snapshot = await withCluster(cluster, ({ protocol }) => takeGroupsSnapshot(protocol));
    const history = historyOf(cluster);
    if (snapshot.t - history.lastRecordedAt >= sampleIntervalMs / 2) history.record(snapshot, historyMs);
    return snapshot;
  });
}

/** Partition keys of a group, sorted by topic then partition. */
function partitionKeys(group: GroupRecord): { key: string; topic: string; partition: number }[] {
  return [...new Set([...group.committed.keys(), ...group.owners.keys()])]
    .map((key) => {
      const i = key.lastIndexOf(':');
      return { key, topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

function evaluate(cluster: string, snapshot: GroupsSnapshot, group: GroupRecord) {
  const rules = lagSettings();
  const history = historyOf(cluster);
  const hasMembers = hasConsumers(group);
  const partitions = partitionKeys(group).map(({ key, topic, partition }) => {
    const committed = group.committed.get(key) ?? null;
    const logEnd = snapshot.logEnd.get(key) ?? null;
    const points = history.points(group.groupId, key);
    const current = { t: snapshot.t, committed, logEnd, members: hasMembers, reset: history.resetPending(group.groupId, key) };
    const series = points.at(-1)?.t === snapshot.t ? points : [...points, current];
    const verdict = partitionStatus(series, hasMembers, rules);
    return { key, topic, partition, committed, logEnd, lag: partitionLag(committed, logEnd), verdict, catchUp: catchUp(windowOf(series, rules.windowMs)) };
  });
  const verdict = worstStatus(partitions.filter((p) => p.verdict.status !== 'unknown').map((p) => ({ label: `${p.topic}-${p.partition}`, verdict: p.verdict })));
  return { partitions, verdict, totalLag: totalLag(partitions.map((p) => p.lag)) };
}

/** Every group with state, members, topics, total lag, status and a lag trend for a sparkline. */
export async function listGroups(cluster: string): Promise<GroupList> {
  const snapshot = await groupsSnapshot(cluster);
  const history = historyOf(cluster);
  const groups = snapshot.groups.map((group): GroupSummary => {
    const { verdict, totalLag: lag, partitions } = evaluate(cluster, snapshot, group);
    return {
      groupId: group.groupId,
      state: group.state,
      protocolType: group.protocolType,
      members: group.members.length,
      topics: [...new Set(partitions.map((p) => p.topic))],
      totalLag: lag,
      status: verdict.status,
      statusReason: verdict.reason,
      lagTrend: history.samples(group.groupId).slice(-30).map((s) => s.totalLag),
    };
  });
  return { groups, sampleIntervalMs: lagSettings().sampleIntervalMs };
}

/** One group: members with assignments, per-partition offsets, lag, owner, status, lag in time and history. */
export async function getGroup(cluster: string, groupId: string): Promise<GroupDetails> {
  const snapshot = await groupsSnapshot(cluster);
  const group = snapshot.groups.find((g) => g.groupId === groupId);
  if (!group) throw notFound('GROUP_NOT_FOUND', `Consumer group "${groupId}" does not exist`);
  const { partitions, verdict, totalLag: lag } = evaluate(cluster, snapshot, group);
  const waiting = partitions.filter((p) => p.lag && p.committed !== null).map((p) => ({ topic: p.topic, partition: p.partition, offset: p.committed! }));
  const timestamps = await withCluster(cluster, ({ protocol }) => oldestUnconsumed(protocol, snapshot.metadata, waiting)).catch(unreadable(waiting));
  const offsets = partitions.map((p): GroupPartitionOffset => {
    const owner = group.owners.get(p.key);
    const oldest = timestamps.get(p.key);
    const lagMs = p.lag === 0 ? 0 : oldest?.timestamp != null ? Math.max(0, snapshot.t - oldest.timestamp) : null;
    return {
      topic: p.topic,
      partition: p.partition,
      committedOffset: p.committed,
      logEndOffset: p.logEnd,
      lag: p.lag,
      memberId: owner?.memberId ?? null,
      clientId: owner?.clientId ?? null,
      host: owner?.host ?? null,
      status: p.verdict.status,
      statusReason: p.verdict.reason,
      lagMs,
      lagNote: p.lag ? oldest?.note ?? (lagMs === null ? 'the oldest waiting record could not be read' : null) : null,
      catchUpMs: p.catchUp.ms,
      catchUpNote: p.catchUp.note,
    };
  });
  const history = historyOf(cluster).samples(groupId).map((s): LagSample => ({
    t: s.t,
    totalLag: s.totalLag,
    partitions: s.partitions
      ? Object.fromEntries([...s.partitions].map(([key, p]) => [key, partitionLag(p.committed, p.logEnd)]))
      : undefined,
  }));
  return {
    groupId,
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    members: group.members,
    offsets,
    totalLag: lag,
    status: verdict.status,
    statusReason: verdict.reason,
    history,
    sampleIntervalMs: lagSettings().sampleIntervalMs,
  };
}

/** The groups with committed offsets on `topic`, with their lag and status on it (same data as the groups pages). */
export async function topicConsumers(cluster: string, topic: string): Promise<TopicConsumer[]> {
  const snapshot = await groupsSnapshot(cluster);
  return snapshot.groups
    .filter((g) => [...g.committed.keys()].some((key) => key.slice(0, key.lastIndexOf(':')) === topic))
    .map((group) => {
      const { partitions } = evaluate(cluster, snapshot, group);
      const onTopic = partitions.filter((p) => p.topic === topic);
      const verdict = worstStatus(onTopic.filter((p) => p.verdict.status !== 'unknown').map((p) => ({ label: `${p.topic}-${p.partition}`, verdict: p.verdict })));
      return {
        groupId: group.groupId,
        state: group.state,
        members: group.members.length,
        partitions: onTopic.filter((p) => p.committed !== null).length,
        lag: totalLag(onTopic.map((p) => p.lag)),
        status: verdict.status,
        statusReason: verdict.reason,
      };
    });
}

/** Forget cached group data after a change (reset, delete). */
export const forgetGroups = (cluster: string) => forget(`groups:${cluster}`);

export { tpKey };
