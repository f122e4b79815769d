import 'server-only';
import { ClusterHistory } from '@/lib/lag-history-store';

export { hasConsumers } from '@/lib/lag-history-store';

/** Settings of the lag sampler and its shared history, from the environment (milliseconds, names). */
export function lagSettings() {
  const ms = (name: string, fallback: number) => {
    const n = Number(process.env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  const name = (variable: string, fallback: string) => process.env[variable]?.trim() || fallback;
  const topic = process.env.LAG_HISTORY_TOPIC;
  return {
    sampleIntervalMs: ms('LAG_SAMPLE_INTERVAL_MS', 10_000),
    historyMs: ms('LAG_HISTORY_MS', 3_600_000),
    windowMs: ms('LAG_WINDOW_MS', 120_000),
    stoppedAfterMs: ms('LAG_STOPPED_AFTER_MS', 300_000),
    /** Where samples are kept for every instance; null (LAG_HISTORY_TOPIC set empty): each process in memory. */
    historyTopic: topic === undefined ? '__kafka_dashboard_lag' : topic.trim() || null,
    /** The consumer group whose member assigned the election topic's one partition samples. */
    samplerGroup: name('LAG_SAMPLER_GROUP', '__kafka_dashboard_sampler'),
    electionTopic: name('LAG_SAMPLER_TOPIC', '__kafka_dashboard_sampler_election'),
    /** How long a dead sampler goes unnoticed before another instance takes over. */
    sessionTimeoutMs: ms('LAG_SAMPLER_SESSION_TIMEOUT_MS', 10_000),
  };
}

const histories = ((globalThis as { __lagHistories?: Map<string, ClusterHistory> }).__lagHistories ??= new Map());

export function historyOf(cluster: string): ClusterHistory {
  let history = histories.get(cluster);
  if (!history) histories.set(cluster, (history = new ClusterHistory()));
  return history;
}
