import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** One cluster's figures for a scrape, all from its latest sample (lib/kafka/metrics.ts). */
export interface ClusterMetrics {
  cluster: string;
  brokersOnline: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
  activeController: number | null;
  partitions: { topic: string; partition: number; earliest: number | null; latest: number | null }[];
  groups: {
    group: string;
    status: string;
    partitions: {
      topic: string;
      partition: number;
      committed: number | null;
      lag: number | null;
      lagSeconds: number | null;
      memberHost: string;
      consumerId: string;
      clientId: string;
    }[];
  }[];
}

/** Node's process metrics (CPU, memory, event loop lag), collected once per process. */
export const processRegistry = ((globalThis as { __processMetrics?: Registry }).__processMetrics ??= (() => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
})());

/** Messages the follow tails sent, by the thread that decoded and serialized them (lib/kafka/tail-encoder.ts). */
export const tailMessagesSent = ((globalThis as { __tailMessagesSent?: Counter<'thread'> }).__tailMessagesSent ??= new Counter({
  name: 'kafka_dashboard_tail_messages_sent_total',
  help: 'Messages sent by follow tails, by the thread that decoded and serialized them (worker or main)',
  labelNames: ['thread'],
  registers: [processRegistry],
}));

/** Follow tails' Fetch requests by the thread that sent them: worker threads have connections of their own. */
export const tailFetches = ((globalThis as { __tailFetches?: Counter<'thread'> }).__tailFetches ??= new Counter({
  name: 'kafka_dashboard_tail_fetches_total',
  help: 'Fetch requests sent by follow tails, by the thread that sent them and read the answer (worker or main)',
  labelNames: ['thread'],
  registers: [processRegistry],
}));

const PARTITION_LABELS = ['cluster_name', 'group', 'topic', 'partition', 'member_host', 'consumer_id', 'client_id'] as const;

/**
 * The Prometheus text exposition: kafka-lag-exporter's metric names and labels (so its Grafana
 * dashboards work unchanged), the dashboard's own cluster and group status, and process metrics.
 * A fresh registry per scrape: groups and partitions that went away leave no stale series.
 */
export async function renderMetrics(clusters: ClusterMetrics[]): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const offset = gauge('kafka_consumergroup_group_offset', 'Last committed offset of a group on a partition', PARTITION_LABELS);
  const lag = gauge('kafka_consumergroup_group_lag', "Messages between a group's committed offset and the log end", PARTITION_LABELS);
  const lagSeconds = gauge('kafka_consumergroup_group_lag_seconds', 'Estimated time since the log end passed the committed offset', PARTITION_LABELS);
  const maxLag = gauge('kafka_consumergroup_group_max_lag', 'Largest partition lag of a group', ['cluster_name', 'group']);
  const maxLagSeconds = gauge('kafka_consumergroup_group_max_lag_seconds', 'Largest partition lag in time of a group', ['cluster_name', 'group']);
  const sumLag = gauge('kafka_consumergroup_group_sum_lag', 'Total lag of a group', ['cluster_name', 'group']);
  const topicSumLag = gauge('kafka_consumergroup_group_topic_sum_lag', 'Total lag of a group on one topic', ['cluster_name', 'group', 'topic']);
  const latest = gauge('kafka_partition_latest_offset', 'Log-end offset of a partition', ['cluster_name', 'topic', 'partition']);
  const earliest = gauge('kafka_partition_earliest_offset', 'Log-start offset of a partition', ['cluster_name', 'topic', 'partition']);
  const status = gauge('kafka_dashboard_group_status', "The dashboard's lag status of a group: 1 for its current status", ['cluster_name', 'group', 'status']);
  const brokers = gauge('kafka_dashboard_brokers_online', 'Brokers registered and answering', ['cluster_name']);
  const underReplicated = gauge('kafka_dashboard_under_replicated_partitions', 'Partitions with fewer in-sync replicas than replicas', ['cluster_name']);
  const offline = gauge('kafka_dashboard_offline_partitions', 'Partitions without a leader', ['cluster_name']);
  const controller = gauge('kafka_dashboard_active_controller', 'Node id of the active controller (-1 when unknown)', ['cluster_name']);

  for (const c of clusters) {
    const cluster_name = c.cluster;
    brokers.set({ cluster_name }, c.brokersOnline);
    underReplicated.set({ cluster_name }, c.underReplicatedPartitions);
    offline.set({ cluster_name }, c.offlinePartitions);
    controller.set({ cluster_name }, c.activeController ?? -1);
    for (const p of c.partitions) {
      const labels = { cluster_name, topic: p.topic, partition: String(p.partition) };
      if (p.latest !== null) latest.set(labels, p.latest);
      if (p.earliest !== null) earliest.set(labels, p.earliest);
    }
    for (const g of c.groups) {
      status.set({ cluster_name, group: g.group, status: g.status }, 1);
      const byTopic = new Map<string, number>();
      let max = 0;
      let maxSeconds = 0;
      let sum = 0;
      for (const p of g.partitions) {
        const labels = {
          cluster_name,
          group: g.group,
          topic: p.topic,
          partition: String(p.partition),
          member_host: p.memberHost,
          consumer_id: p.consumerId,
          client_id: p.clientId,
        };
        if (p.committed !== null) offset.set(labels, p.committed);
        if (p.lag !== null) {
          lag.set(labels, p.lag);
          max = Math.max(max, p.lag);
          sum += p.lag;
          byTopic.set(p.topic, (byTopic.get(p.topic) ?? 0) + p.lag);
        }
        if (p.lagSeconds !== null) {
          lagSeconds.set(labels, p.lagSeconds);
          maxSeconds = Math.max(maxSeconds, p.lagSeconds);
        }
      }
      maxLag.set({ cluster_name, group: g.group }, max);
      maxLagSeconds.set({ cluster_name, group: g.group }, maxSeconds);
      sumLag.set({ cluster_name, group: g.group }, sum);
      for (const [topic, value] of byTopic) topicSumLag.set({ cluster_name, group: g.group, topic }, value);
    }
  }
  const merged = Registry.merge([registry, processRegistry]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
