import 'server-only';
import { catchUp, partitionLag, totalLag, windowOf } from '@/lib/lag';
import { partitionStatus, worstStatus } from '@/lib/lag-status';
import { shareLag, sharePartitionStatus } from '@/lib/share-lag';
import type { GroupDetails, GroupPartitionOffset, LagSample, TopicConsumer } from '@/lib/types/groups';
import { clusterConfig, withCluster } from './clients';
import { activeControllerId } from './cluster';
import { coalesce, forget } from './coalesce';
import { ApiError, notFound } from './errors';
import { parseTpKey } from '@/lib/tp-key';
import { takeGroupsSnapshot, type GroupRecord, type GroupsSnapshot } from './groups-snapshot';
import { hasConsumers, historyOf, lagSettings } from './lag-history';
import { ensureSampler, recordsLocally } from './lag-sampler';
import { oldestUnconsumed, unreadable } from './oldest-unconsumed';

interface LatestSample {
  snapshot: GroupsSnapshot;
  controllerId: number | null;
  /** How long taking it took (ms): one sample of every group must fit in the sample interval. */
  tookMs: number;
}
const latest = ((globalThis as { __latestSamples?: Map<string, LatestSample> }).__latestSamples ??= new Map());
/**
 * The current groups snapshot, shared by concurrent callers. The first call for a cluster starts
 * its sampler (lag-sampler.ts), so lag history builds while the dashboard runs; in-memory mode
 * records every snapshot (at most one per half interval) into this process's history, topic mode
 * leaves that to the elected sampler and waits (once, briefly) for the history read from the topic.
 */
export function groupsSnapshot(cluster: string): Promise<GroupsSnapshot> {
  const { sampleIntervalMs, historyMs } = lagSettings();
  // Only configured clusters get a sampler: a name from a request must not start a timer.
  clusterConfig(cluster);
  const historyReady = ensureSampler(cluster, () => groupsSnapshot(cluster));
  return coalesce(`groups:${cluster}`, Math.min(2000, sampleIntervalMs / 2), async () => {
    const started = performance.now();
    // The active controller alongside (in parallel), for /metrics: a scrape reads only the latest sample.
    const [[snapshot, controllerId]] = await Promise.all([
      withCluster(cluster, async ({ protocolFor }) => {
        const protocol = await protocolFor(true);
        return Promise.all([takeGroupsSnapshot(protocol), activeControllerId(protocol)]);
      }),
      historyReady,
    ]);
    latest.set(cluster, { snapshot, controllerId, tookMs: Math.round(performance.now() - started) });
    const history = historyOf(cluster);
    if (recordsLocally(cluster) && snapshot.t - history.lastRecordedAt >= sampleIntervalMs / 2) await history.record(snapshot, historyMs);
    return snapshot;
  });
}

/** The latest sample of `cluster` and its active controller, if one was taken (lib/kafka/metrics.ts). */
export const latestSample = (cluster: string) => latest.get(cluster);

/** Partition keys of a group, sorted by topic then partition. */
function partitionKeys(group: GroupRecord): { key: string; topic: string; partition: number }[] {
  return [...new Set([...group.committed.keys(), ...group.owners.keys(), ...(group.shareOffsets?.keys() ?? [])])]
    .map((key) => ({ key, ...parseTpKey(key) }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** A share group's partitions: start offset in place of a committed one, the broker's lag, no trend rules (lib/share-lag.ts). */
function evaluateShare(snapshot: GroupsSnapshot, group: GroupRecord) {
  const hasMembers = group.members.length > 0;
  const partitions = partitionKeys(group).map(({ key, topic, partition }) => {
    const share = group.shareOffsets?.get(key);
    const committed = share && share.startOffset >= 0 ? share.startOffset : null;
    const logEnd = snapshot.logEnd.get(key) ?? null;
    const lag = shareLag(committed, share?.lag ?? null, logEnd);
    return { key, topic, partition, committed, logEnd, lag, verdict: sharePartitionStatus(lag, hasMembers), catchUp: { ms: null, note: null } };
  });
  const judged = partitions.filter((p) => p.verdict.status !== 'unknown').map((p) => ({ label: `${p.topic}-${p.partition}`, verdict: p.verdict }));
  const verdict = judged.length ? worstStatus(judged) : { status: 'unknown' as const, reason: 'no start offsets yet: the share group has consumed nothing' };
  return { partitions, verdict, totalLag: totalLag(partitions.map((p) => p.lag)) };
}

/** `rules` are read from the environment once per call unless given (the list evaluates 100,000 groups with one). */
export function evaluate(cluster: string, snapshot: GroupsSnapshot, group: GroupRecord, rules = lagSettings()) {
  if (group.type === 'share') return evaluateShare(snapshot, group);
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
  const verdict = worstStatus(
    partitions.filter((p) => p.verdict.status !== 'unknown').map((p) => ({ label: `${p.topic}-${p.partition}`, verdict: p.verdict })),
  );
  return { partitions, verdict, totalLag: totalLag(partitions.map((p) => p.lag)) };
}

/**
 * Why `groupId` is not in the snapshot: it does not exist, or (when some broker did not answer)
 * its coordinator may be the one that is missing — then 503, never a 404 that says it is gone.
 */
export function groupMissing(snapshot: GroupsSnapshot, groupId: string): ApiError {
  if (!snapshot.missingBrokers.length) return notFound('GROUP_NOT_FOUND', `Consumer group "${groupId}" does not exist`);
  const brokers = snapshot.missingBrokers.join(', ');
  return new ApiError(
    'COORDINATOR_NOT_AVAILABLE',
    `Consumer group "${groupId}" is not on the brokers that answered; broker ${brokers} did not list its groups, try again in a few seconds`,
  );
}

/** One group: members with assignments, per-partition offsets, lag, owner, status, lag in time and history. */
export async function getGroup(cluster: string, groupId: string): Promise<GroupDetails> {
  const snapshot = await groupsSnapshot(cluster);
  const group = snapshot.groups.find((g) => g.groupId === groupId);
  if (!group) throw groupMissing(snapshot, groupId);
  const { partitions, verdict, totalLag: lag } = evaluate(cluster, snapshot, group);
  const share = group.type === 'share';
  // A share group's start offset may trail what was acknowledged: the record there is not the oldest unconsumed one.
  const waiting = share
    ? []
    : partitions.filter((p) => p.lag && p.committed !== null).map((p) => ({ topic: p.topic, partition: p.partition, offset: p.committed! }));
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
      lagNote: share ? null : p.lag ? (oldest?.note ?? (lagMs === null ? 'the oldest waiting record could not be read' : null)) : null,
      catchUpMs: p.catchUp.ms,
      catchUpNote: p.catchUp.note,
      ...(share
        ? {
            consumers: group.members
              .filter((m) => m.assignments.some((a) => a.topic === p.topic && a.partitions.includes(p.partition)))
              .map(({ memberId, clientId, host }) => ({ memberId, clientId, host })),
          }
        : {}),
    };
  });
  const history = historyOf(cluster)
    .samples(groupId)
    .map(
      (s): LagSample => ({
        t: s.t,
        totalLag: s.totalLag,
        partitions: s.partitions ? Object.fromEntries([...s.partitions].map(([key, p]) => [key, partitionLag(p.committed, p.logEnd)])) : undefined,
      }),
    );
  return {
    groupId,
    type: group.type,
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    assignor: group.assignor,
    groupEpoch: group.groupEpoch,
    assignmentEpoch: group.assignmentEpoch,
    coordinator: group.coordinator,
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
    .filter((g) => [...g.committed.keys(), ...(g.shareOffsets?.keys() ?? [])].some((key) => parseTpKey(key).topic === topic))
    .map((group) => {
      const { partitions } = evaluate(cluster, snapshot, group);
      const onTopic = partitions.filter((p) => p.topic === topic);
      const verdict = worstStatus(
        onTopic.filter((p) => p.verdict.status !== 'unknown').map((p) => ({ label: `${p.topic}-${p.partition}`, verdict: p.verdict })),
      );
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

/** Forget cached group data after a change (reset, delete): the next list reads Kafka again. */
export function forgetGroups(cluster: string) {
  forget(`groups:${cluster}`);
  latest.delete(cluster);
}
