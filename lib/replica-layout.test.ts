import { describe, expect, it } from 'vitest';
import { replicaLayout } from './replica-layout';

const p = (partition: number, leader: number, replicas: number[], isr: number[], offlineReplicas: number[] = []) => ({
  partition,
  leader,
  replicas,
  isr,
  offlineReplicas,
  earliestOffset: 0,
  latestOffset: 0,
  messages: 0,
  messagesExact: true,
  sizeBytes: 0,
});

describe('replicaLayout', () => {
  it('marks leader, in-sync, out-of-sync and offline replicas, and totals per broker', () => {
    const layout = replicaLayout([p(0, 0, [0, 1], [0, 1]), p(1, 1, [1, 2], [1]), p(2, -1, [2], [], [2])], [0, 1]);
    expect(layout.brokers).toEqual([0, 1, 2]);
    expect(layout.rows).toEqual([
      { partition: 0, cells: ['leader', 'in-sync', null] },
      { partition: 1, cells: [null, 'leader', 'offline'] },
      { partition: 2, cells: [null, null, 'offline'] },
    ]);
    expect(layout.totals).toEqual([
      { broker: 0, replicas: 1, leaders: 1 },
      { broker: 1, replicas: 2, leaders: 1 },
      { broker: 2, replicas: 2, leaders: 0 },
    ]);
  });

  it('shows a live broker that is out of the ISR as out-of-sync', () => {
    expect(replicaLayout([p(0, 0, [0, 1], [0])], [0, 1]).rows[0].cells).toEqual(['leader', 'out-of-sync']);
  });
});
