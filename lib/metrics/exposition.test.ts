import { describe, expect, it } from 'vitest';
import { renderMetrics, type ClusterMetrics } from './exposition';

const cluster: ClusterMetrics = {
  cluster: 'local',
  brokersOnline: 3,
  underReplicatedPartitions: 1,
  offlinePartitions: 0,
  activeController: 2,
  partitions: [{ topic: 'orders', partition: 0, earliest: 5, latest: 120 }],
  groups: [
    {
      group: '__proto__',
      status: 'lagging',
      partitions: [
        { topic: 'orders', partition: 0, committed: 100, lag: 20, lagSeconds: 7.5, memberHost: '/10.0.0.1', consumerId: 'c-1', clientId: 'app' },
        { topic: 'orders', partition: 1, committed: null, lag: null, lagSeconds: null, memberHost: '', consumerId: '', clientId: '' },
        { topic: 'audit', partition: 0, committed: 3, lag: 4, lagSeconds: 1, memberHost: '', consumerId: '', clientId: '' },
      ],
    },
  ],
};

describe('renderMetrics', () => {
  it("writes kafka-lag-exporter's names and labels with the sampled values", async () => {
    const { body, contentType } = await renderMetrics([cluster]);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const labels = 'cluster_name="local",group="__proto__",topic="orders",partition="0",member_host="/10.0.0.1",consumer_id="c-1",client_id="app"';
    expect(body).toContain(`kafka_consumergroup_group_offset{${labels}} 100`);
    expect(body).toContain(`kafka_consumergroup_group_lag{${labels}} 20`);
    expect(body).toContain(`kafka_consumergroup_group_lag_seconds{${labels}} 7.5`);
    expect(body).toContain('kafka_consumergroup_group_max_lag{cluster_name="local",group="__proto__"} 20');
    expect(body).toContain('kafka_consumergroup_group_max_lag_seconds{cluster_name="local",group="__proto__"} 7.5');
    expect(body).toContain('kafka_consumergroup_group_sum_lag{cluster_name="local",group="__proto__"} 24');
    expect(body).toContain('kafka_consumergroup_group_topic_sum_lag{cluster_name="local",group="__proto__",topic="audit"} 4');
    expect(body).toContain('kafka_partition_latest_offset{cluster_name="local",topic="orders",partition="0"} 120');
    expect(body).toContain('kafka_partition_earliest_offset{cluster_name="local",topic="orders",partition="0"} 5');
  });

  it('leaves out unknown values instead of writing zeros', async () => {
    const { body } = await renderMetrics([cluster]);
    expect(body).not.toContain('partition="1"');
  });

  it("adds the dashboard's cluster and group status, and process metrics", async () => {
    const { body } = await renderMetrics([cluster]);
    expect(body).toContain('kafka_dashboard_group_status{cluster_name="local",group="__proto__",status="lagging"} 1');
    expect(body).toContain('kafka_dashboard_brokers_online{cluster_name="local"} 3');
    expect(body).toContain('kafka_dashboard_under_replicated_partitions{cluster_name="local"} 1');
    expect(body).toContain('kafka_dashboard_offline_partitions{cluster_name="local"} 0');
    expect(body).toContain('kafka_dashboard_active_controller{cluster_name="local"} 2');
    expect(body).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('escapes label values from the cluster (quotes, backslashes, newlines)', async () => {
    const hostile = { ...cluster, groups: [{ ...cluster.groups[0], group: 'a"b\\c\nd' }] };
    const { body } = await renderMetrics([hostile]);
    expect(body).toContain('group="a\\"b\\\\c\\nd"');
  });
});
