import { describe, expect, it } from 'vitest';
import { groupBy, groupByLeader, partitionsByLeader } from './leaders';
import type { RawMetadata } from './protocol';

const topic = (name: string, leaders: number[]) => ({
  topic: name,
  topicErrorCode: 0,
  partitionMetadata: leaders.map((leader, partitionId) => ({ partitionId, leader, replicas: [], isr: [], offlineReplicas: [], partitionErrorCode: 0 })),
});

describe('grouping by leader', () => {
  it('groups items by their leader, leaving out leaderless and unknown ones', () => {
    const items = [
      { p: 0, leader: 1 },
      { p: 1, leader: -1 },
      { p: 2, leader: 2 },
      { p: 3, leader: 1 },
      { p: 4, leader: undefined },
    ];
    expect([
      ...groupByLeader(
        items,
        (i) => i.leader,
        (i) => i.p,
      ),
    ]).toEqual([
      [1, [0, 3]],
      [2, [2]],
    ]);
  });

  it("nests a cluster's partitions by leader, then topic (of the topics asked, or all)", () => {
    const metadata: RawMetadata = { brokers: [], topicMetadata: [topic('a', [1, 2, 1]), topic('__proto__', [2, -1]), topic('c', [3])] };
    const all = partitionsByLeader(metadata, null);
    expect([...all.keys()]).toEqual([1, 2, 3]);
    expect([...all.get(1)!]).toEqual([['a', [0, 2]]]);
    expect([...all.get(2)!]).toEqual([
      ['a', [1]],
      ['__proto__', [0]],
    ]);
    expect([...partitionsByLeader(metadata, new Set(['c']))]).toEqual([[3, new Map([['c', [0]]])]]);
  });

  it('groups by any key, keeping first-seen order', () => {
    expect([
      ...groupBy(
        ['b1', 'a1', 'b2'],
        (s) => s[0],
        (s) => s[1],
      ),
    ]).toEqual([
      ['b', ['1', '2']],
      ['a', ['1']],
    ]);
  });
});
