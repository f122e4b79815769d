import 'server-only';
import { sortGroups } from '@/lib/group-list';
import { filterGroups, type GroupPageQuery } from '@/lib/group-page';
import { pageOf } from '@/lib/list-page';
import type { GroupList, GroupPage, GroupSummary } from '@/lib/types/groups';
import type { GroupsSnapshot } from './groups-snapshot';
import { evaluate, groupsSnapshot, latestSample } from './groups';
import { historyOf, lagSettings } from './lag-history';
import { lagHistoryStatus } from './lag-sampler';
import { mapInSlices } from '@/lib/time-slices';

/**
 * The rows of one snapshot, computed once and shared by every request until the snapshot or the
 * history changes (a sample recorded, or read from the history topic): evaluating 100,000 groups
 * per request cost more than reading them from Kafka. Sorted orders are kept beside them.
 */
interface Summaries {
  rows: GroupSummary[];
  sorted: Map<string, GroupSummary[]>;
  /** The snapshot's time and unanswered brokers: the list's header says which sample the rows are of. */
  sampledAt: number;
  missingBrokers: number[];
}

/**
 * Per cluster, the summaries of one snapshot and history state, held weakly (a new sample replaces
 * the snapshot, and these rows must not keep the old one, 100,000 groups, alive); while they are
 * computed, requests share the promise. `done` is set once they are.
 */
type Entry = { snapshot: WeakRef<GroupsSnapshot>; recordedAt: number; summaries: Promise<Summaries>; done?: Summaries };
const cache = ((globalThis as { __groupSummaries?: Map<string, Entry> }).__groupSummaries ??= new Map());
/** Per cluster, the latest summaries computed: answered while a newer sample's are computed. */
const lastDone = ((globalThis as { __groupSummariesDone?: Map<string, Summaries> }).__groupSummariesDone ??= new Map());

/** From this many groups a list request does not wait for a new sample's rows (below, they take milliseconds). */
const ANSWER_PREVIOUS_FROM = 10_000;

/**
 * The rows for `snapshot`. From ANSWER_PREVIOUS_FROM groups, while they are computed (a second or
 * more with 100,000 groups, after every sample) the last rows computed instead, of the sample
 * before: ten groups page loads at 100,000 groups took 0.4–8.4 s (median 1.0) waiting for them,
 * 0.2–2.1 s (median 0.7) without. Their header names their sample.
 */
function summaries(cluster: string, snapshot: GroupsSnapshot): Promise<Summaries> {
  const recordedAt = historyOf(cluster).lastRecordedAt;
  let entry = cache.get(cluster);
  if (!entry || entry.snapshot.deref() !== snapshot || entry.recordedAt !== recordedAt) {
    const { t, missingBrokers } = snapshot;
    const started: Entry = {
      snapshot: new WeakRef(snapshot),
      recordedAt,
      summaries: summarize(cluster, snapshot).then((rows) => ({ rows, sorted: new Map([['groupId:asc', rows]]), sampledAt: t, missingBrokers })),
    };
    started.summaries.then(
      (done) => {
        started.done = done;
        if (cache.get(cluster) === started) lastDone.set(cluster, done);
      },
      () => cache.get(cluster) === started && cache.delete(cluster),
    );
    cache.set(cluster, (entry = started));
  }
  const previous = lastDone.get(cluster);
  if (entry.done || !previous || snapshot.groups.length < ANSWER_PREVIOUS_FROM) return entry.summaries;
  return Promise.resolve(previous);
}

/** Every group's row, in time slices: evaluating 100,000 groups takes a second or more. */
function summarize(cluster: string, snapshot: GroupsSnapshot): Promise<GroupSummary[]> {
  const history = historyOf(cluster);
  const rules = lagSettings();
  return mapInSlices(snapshot.groups, (group): GroupSummary => {
    const { verdict, totalLag, partitions } = evaluate(cluster, snapshot, group, rules);
    return {
      groupId: group.groupId,
      type: group.type,
      state: group.state,
      protocolType: group.protocolType,
      members: group.members.length,
      topics: [...new Set(partitions.map((p) => p.topic))],
      totalLag,
      status: verdict.status,
      statusReason: verdict.reason,
      // The sampler records committed offsets; a share group has none, so it has no trend.
      lagTrend: group.type === 'share' ? [] : history.trend(group.groupId, 30),
    };
  });
}

/**
 * The groups snapshot a list answers from: the latest sample while it is younger than the sample
 * interval (the sampler takes one per interval; the browser asks every few seconds), else a new
 * one. Up to three intervals old it is still answered at once while a new one is read: with
 * 100,000 groups a snapshot takes seconds, and a list request does not wait for it.
 */
async function listSnapshot(cluster: string): Promise<GroupsSnapshot> {
  const latest = latestSample(cluster);
  const { sampleIntervalMs } = lagSettings();
  const age = latest ? Date.now() - latest.snapshot.t : Number.POSITIVE_INFINITY;
  if (age < sampleIntervalMs) return latest!.snapshot;
  const fresh = groupsSnapshot(cluster);
  if (age < 3 * sampleIntervalMs) {
    fresh.catch(() => {});
    return latest!.snapshot;
  }
  return fresh;
}

function header(cluster: string, { sampledAt, missingBrokers }: Summaries) {
  return {
    sampleIntervalMs: lagSettings().sampleIntervalMs,
    sampledAt,
    sampleTookMs: latestSample(cluster)?.tookMs,
    missingBrokers,
    lagHistory: lagHistoryStatus(cluster),
  };
}

/** Every group with state, members, topics, total lag, status and a lag trend for a sparkline, by group id. */
export async function listGroups(cluster: string): Promise<GroupList> {
  const entry = await summaries(cluster, await listSnapshot(cluster));
  return { groups: entry.rows, ...header(cluster, entry) };
}

/**
 * One page of the groups matching `query` in its order, with how many match (`total`) and how
 * many there are (`groupCount`): what the groups page shows, at any number of groups.
 */
export async function listGroupsPage(cluster: string, query: GroupPageQuery & { limit: number }): Promise<GroupPage> {
  const entry = await summaries(cluster, await listSnapshot(cluster));
  const order = `${query.sort}:${query.dir}`;
  let sorted = entry.sorted.get(order);
  if (!sorted) entry.sorted.set(order, (sorted = sortGroups([...entry.rows], query.sort, query.dir)));
  const matching = filterGroups(sorted, query);
  return {
    groups: pageOf(matching, query.offset, query.limit),
    total: matching.length,
    groupCount: entry.rows.length,
    offset: query.offset,
    limit: query.limit,
    ...header(cluster, entry),
  };
}
