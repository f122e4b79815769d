import { describe, expect, it } from 'vitest';
import { EARLIEST, fetchOffsets } from './offsets';
import type { ProtocolCluster, RawMetadata } from './protocol';

const metadata: RawMetadata = {
  brokers: [0, 1].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9000 + nodeId, rack: null })),
  topicMetadata: [
    {
      topicErrorCode: 0,
      topic: 'kept',
      partitionMetadata: [0, 1].map((partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 0, replicas: [0], isr: [0] })),
    },
    { topicErrorCode: 0, topic: 'being-deleted', partitionMetadata: [{ partitionErrorCode: 0, partitionId: 0, leader: 0, replicas: [0], isr: [0] }] },
  ],
};

/** Broker 0 answers the "kept" partitions and UNKNOWN_TOPIC_OR_PARTITION (3) for the topic deleted meanwhile. */
const protocol = {
  listOffsets: async (_nodeId: number, topics: { topic: string; partitions: number[] }[], timestamp: number) => ({
    responses: topics.map(({ topic, partitions }) => ({
      topic,
      partitions: partitions.map((partition) =>
        topic === 'kept'
          ? { partition, errorCode: 0, timestamp: -1, offset: String(timestamp === EARLIEST ? 10 : 50 + partition) }
          : { partition, errorCode: 3, timestamp: -1, offset: '-1' },
      ),
    })),
  }),
} as unknown as ProtocolCluster;

describe('fetchOffsets', () => {
  it('keeps every answered partition when another partition of the same broker has an error', async () => {
    const table = await fetchOffsets(protocol, metadata);
    expect([...table.get('kept')!]).toEqual([
      [0, { earliest: 10, latest: 50 }],
      [1, { earliest: 10, latest: 51 }],
    ]);
    expect(table.get('being-deleted')!.get(0)).toEqual({ earliest: null, latest: null });
  });
});
