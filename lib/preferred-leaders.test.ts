import { describe, expect, it } from 'vitest';
import { nonPreferredLeaders } from './preferred-leaders';

describe('nonPreferredLeaders', () => {
  it('lists partitions whose leader is not the first replica, sorted; offline and preferred ones are not', () => {
    expect(
      nonPreferredLeaders([
        {
          topic: 'b',
          partitionMetadata: [
            { partitionId: 1, leader: 2, replicas: [1, 2] },
            { partitionId: 0, leader: 1, replicas: [1, 2] },
          ],
        },
        {
          topic: 'a',
          partitionMetadata: [
            { partitionId: 0, leader: -1, replicas: [0, 1] },
            { partitionId: 3, leader: 0, replicas: [2, 0] },
          ],
        },
        { topic: '__proto__', partitionMetadata: [{ partitionId: 0, leader: 0, replicas: [] }] },
      ]),
    ).toEqual([
      { topic: 'a', partition: 3, leader: 0, preferred: 2 },
      { topic: 'b', partition: 1, leader: 2, preferred: 1 },
    ]);
  });
});
