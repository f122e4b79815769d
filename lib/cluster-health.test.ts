import { describe, expect, it } from 'vitest';
import { brokerRows, clusterHealth, offlineBrokerIds } from './cluster-health';

const broker = (nodeId: number) => ({ nodeId, host: '127.0.0.1', port: 19092 + nodeId, rack: null });

describe('offline brokers', () => {
  it('are the replica holders the metadata no longer lists (a killed KRaft broker)', () => {
    const partitions = [{ replicas: [0, 1, 2] }, { replicas: [2, 1] }, { replicas: [1] }];
    expect(offlineBrokerIds([0, 1], partitions)).toEqual([2]);
    expect(offlineBrokerIds([0, 1, 2], partitions)).toEqual([]);
  });

  it('show as offline rows without an address, beside the online ones, by node id', () => {
    const rows = brokerRows([broker(2), broker(0)], [1]);
    expect(rows.map((r) => [r.nodeId, r.online])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(rows[1]).toEqual({ nodeId: 1, host: null, port: null, rack: null, online: false });
  });

  it('never list a registered broker as offline too', () => {
    expect(brokerRows([broker(0)], [0])).toEqual([{ ...broker(0), online: true }]);
  });
});

describe('cluster health verdict', () => {
  const healthy = { offlineBrokers: [], controllerId: 1, underReplicatedPartitions: 0, offlinePartitions: 0 };

  it('is healthy when brokers, partitions and the controller are all fine', () => {
    expect(clusterHealth(healthy)).toEqual({ healthy: true });
  });

  it('lists everything that is wrong, worst first', () => {
    expect(clusterHealth({ offlineBrokers: [1, 2], controllerId: null, underReplicatedPartitions: 12, offlinePartitions: 1 })).toEqual({
      healthy: false,
      problems: ['1 partition is offline (no leader)', 'Brokers 1, 2 are offline', 'No active controller is known', '12 partitions are under-replicated'],
    });
  });

  it('names a single offline broker, and counts one under-replicated partition', () => {
    expect(clusterHealth({ ...healthy, offlineBrokers: [2] })).toEqual({ healthy: false, problems: ['Broker 2 is offline'] });
    expect(clusterHealth({ ...healthy, underReplicatedPartitions: 1 })).toEqual({ healthy: false, problems: ['1 partition is under-replicated'] });
  });
});
