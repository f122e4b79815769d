import 'server-only';
import { applyHistoryRecords, type HistoryRecord } from '@/lib/lag-record';
import type { LagHistoryStatus } from '@/lib/types/groups';
import { withCluster } from './clients';
import type { GroupsSnapshot } from './groups-snapshot';
import { historyOf, lagSettings } from './lag-history';
import { ensureTopic, followHistory, HistoryRefusedError, writeHistory } from './lag-history-topic';
import { joinElection, type Election } from './lag-sampler-election';

/**
 * The lag sampler of each cluster. In-memory mode (LAG_HISTORY_TOPIC set empty, or the cluster
 * refused the topic): every process samples on a timer and keeps its own history, as before.
 * Topic mode (the default): the processes elect one sampler per cluster through a consumer group
 * (lag-sampler-election.ts), which writes each sample to the history topic, and every process
 * builds its history by reading that topic — so they all show the same chart, a restarted one
 * shows the past at once, and the cluster is sampled once however many dashboards run.
 */
interface Sampler {
  mode: 'topic' | 'memory';
  /** Why the history is in memory although a topic was configured. */
  note: string | null;
  timer: NodeJS.Timeout;
  election: Election | null;
  reader: AbortController | null;
  /** Settles once the reader has caught up with the topic, or a few seconds after the start at most. */
  ready: Promise<void>;
  markReady: () => void;
  lastWrittenAt: number;
}

const samplers = ((globalThis as { __lagSamplers?: Map<string, Sampler> }).__lagSamplers ??= new Map());

// Called by server/index.mjs on SIGTERM/SIGINT: leaving the group hands the sampling over at once.
(globalThis as { __kafkaDashboardShutdown?: () => Promise<unknown> }).__kafkaDashboardShutdown = () =>
  Promise.all([...samplers.values()].map((sampler) => sampler.election?.stop()));

/** How long a first request waits for the history to be read from the topic before answering without it. */
const READY_WAIT_MS = 5000;

/**
 * The cluster's shared clients, used outside withCluster's callback: a HistoryRefusedError must
 * reach the sampler as it is, not wrapped into an API error.
 */
const clientsOf = (cluster: string) => withCluster(cluster, async (clients) => clients);
const RETRY_MS = 5000;

/** Falls back to this process's memory: the cluster refused the topic, its reading or the group. */
function fallBack(cluster: string, sampler: Sampler, reason: string) {
  if (sampler.mode === 'memory') return;
  sampler.mode = 'memory';
  sampler.note = `Lag history is kept in this dashboard process only: ${reason}`;
  sampler.reader?.abort();
  void sampler.election?.stop();
  sampler.election = null;
  sampler.markReady();
  console.warn(`Cluster "${cluster}": ${sampler.note}`);
}

function failed(cluster: string, sampler: Sampler, error: unknown): boolean {
  if (!(error instanceof HistoryRefusedError)) return false;
  fallBack(cluster, sampler, error.message);
  return true;
}

/** Creates the topics, starts following the history and joins the election; tried again until it works. */
async function startShared(cluster: string, sampler: Sampler, topic: string, snapshot: () => Promise<GroupsSnapshot>) {
  const { historyMs, samplerGroup, electionTopic, sessionTimeoutMs } = lagSettings();
  const history = historyOf(cluster);
  try {
    await clientsOf(cluster).then(async ({ protocol, kafka }) => {
      await ensureTopic(protocol, topic, { 'retention.ms': String(historyMs), 'cleanup.policy': 'delete' });
      await ensureTopic(protocol, electionTopic, {});
      if (!sampler.reader) {
        const reader = (sampler.reader = new AbortController());
        const onRecords = (records: HistoryRecord[]) => {
          applyHistoryRecords(history, records);
          history.prune(Date.now(), historyMs);
        };
        const connection = () => withCluster(cluster, async (clients) => clients.protocol);
        followHistory(connection, topic, Date.now() - historyMs, { onRecords, onCaughtUp: sampler.markReady }, reader.signal).catch((error) =>
          failed(cluster, sampler, error),
        );
      }
      if (sampler.mode !== 'topic') return;
      const onLost = (error: unknown) => {
        sampler.election = null;
        if (!failed(cluster, sampler, error)) setTimeout(() => void startShared(cluster, sampler, topic, snapshot), RETRY_MS).unref();
      };
      // The new sampler samples at once: a take-over leaves a gap of one session timeout, not more.
      // Deferred: the first election happens before joinElection has returned the election.
      const onElected = () => setTimeout(() => void sampleShared(cluster, sampler, topic, snapshot).catch((error) => failed(cluster, sampler, error)), 0);
      sampler.election = await joinElection(kafka, { groupId: samplerGroup, topic: electionTopic, sessionTimeoutMs, onElected, onLost });
    });
  } catch (error) {
    if (!failed(cluster, sampler, error) && sampler.mode === 'topic') setTimeout(() => void startShared(cluster, sampler, topic, snapshot), RETRY_MS).unref();
  }
  if (sampler.mode === 'memory') sampler.markReady();
}

/** One timer tick in topic mode: the elected sampler takes a snapshot and writes it. */
async function sampleShared(cluster: string, sampler: Sampler, topic: string, snapshot: () => Promise<GroupsSnapshot>) {
  if (!sampler.election?.isSampler()) return;
  const taken = await snapshot();
  const { sampleIntervalMs } = lagSettings();
  const history = historyOf(cluster);
  // Checked again after the snapshot: a rebalance may have begun meanwhile. A new sampler does not
  // sample again right after its predecessor's last sample (read from the topic).
  if (!sampler.election?.isSampler() || taken.t - Math.max(sampler.lastWrittenAt, history.lastRecordedAt) < sampleIntervalMs / 2) return;
  sampler.lastWrittenAt = taken.t;
  const records = [...(await history.samplesOf(taken))].map(([groupId, sample]): HistoryRecord => ({ kind: 'sample', groupId, sample }));
  await writeHistory(await (await clientsOf(cluster)).producer(), topic, records);
}

/**
 * Starts the sampler of `cluster` (once): `snapshot` takes (or shares) a groups snapshot. Resolves
 * when the history is ready to be shown — read from the topic — or after a few seconds at most.
 */
export function ensureSampler(cluster: string, snapshot: () => Promise<GroupsSnapshot>): Promise<void> {
  const existing = samplers.get(cluster);
  if (existing) return existing.ready;
  const { sampleIntervalMs, historyTopic } = lagSettings();
  let markReady = () => {};
  const caughtUp = new Promise<void>((resolve) => (markReady = resolve));
  const ready = Promise.race([caughtUp, new Promise<void>((resolve) => setTimeout(resolve, READY_WAIT_MS).unref())]);
  const sampler: Sampler = {
    mode: historyTopic ? 'topic' : 'memory',
    note: null,
    timer: undefined as unknown as NodeJS.Timeout,
    election: null,
    reader: null,
    ready,
    markReady,
    lastWrittenAt: 0,
  };
  sampler.timer = setInterval(() => {
    const tick = sampler.mode === 'memory' ? snapshot() : sampleShared(cluster, sampler, historyTopic!, snapshot);
    void tick.catch((error) => failed(cluster, sampler, error));
  }, sampleIntervalMs);
  sampler.timer.unref();
  samplers.set(cluster, sampler);
  if (historyTopic) void startShared(cluster, sampler, historyTopic, snapshot);
  else markReady();
  return ready;
}

/** Whether snapshots taken in this process go into its history directly (in-memory mode). */
export const recordsLocally = (cluster: string) => samplers.get(cluster)?.mode !== 'topic';

/** What the groups pages say about where the lag history comes from. */
export function lagHistoryStatus(cluster: string): LagHistoryStatus {
  const sampler = samplers.get(cluster);
  const { historyTopic } = lagSettings();
  return {
    shared: sampler?.mode === 'topic',
    topic: sampler?.mode === 'topic' ? historyTopic : null,
    sampling: sampler?.mode === 'topic' ? Boolean(sampler.election?.isSampler()) : true,
    note: sampler?.note ?? null,
  };
}

/**
 * A reset or a deletion made through the dashboard: this process's history at once, and in topic
 * mode every process's (and the sampler's, which marks the next sample) through the topic.
 */
export async function publishHistoryChange(cluster: string, record: Extract<HistoryRecord, { kind: 'reset' | 'forget' }>): Promise<void> {
  applyHistoryRecords(historyOf(cluster), [record]);
  const sampler = samplers.get(cluster);
  const { historyTopic } = lagSettings();
  if (sampler?.mode !== 'topic' || !historyTopic) return;
  await clientsOf(cluster)
    .then(async ({ producer }) => writeHistory(await producer(), historyTopic, [record]))
    .catch((error) => failed(cluster, sampler, error));
}
