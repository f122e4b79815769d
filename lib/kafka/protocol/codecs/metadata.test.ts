import { describe, expect, it } from 'vitest';
import { metadata as metadataApi } from './metadata';
import { ClassicWriter } from '../wire';
import { requestBody } from './captured-operations.fixtures';
import { METADATA_V5_ALL_REQUEST, METADATA_V5_NONE, METADATA_V5_NONE_REQUEST, METADATA_V5_TOPICS, METADATA_V5_TOPICS_REQUEST } from './captured-reads.fixtures';

describe('Metadata v5 codec', () => {
  it('asks for all topics with a null array, for none with an empty one, never auto-creating', () => {
    expect([...metadataApi.encode({ topics: null }, 5)]).toEqual([0xff, 0xff, 0xff, 0xff, 0x00]);
    expect([...metadataApi.encode({ topics: [] }, 5)]).toEqual([0, 0, 0, 0, 0x00]);
    expect([...metadataApi.encode({ topics: ['ab'] }, 5)]).toEqual([0, 0, 0, 1, 0, 2, 0x61, 0x62, 0x00]);
  });

  it('keeps a leaderless partition and an unknown topic in the answer instead of failing', () => {
    const ints = (w: ClassicWriter, n: number) => w.int32(n);
    const payload = new ClassicWriter()
      .int32(0)
      .array(
        [
          { id: 0, rack: 'rack-a' },
          { id: 1, rack: null },
        ],
        (w, b) =>
          w
            .int32(b.id)
            .string('127.0.0.1')
            .int32(19092 + b.id)
            .string(b.rack),
      )
      .string('cluster-xyz')
      .int32(1)
      .array(['orders', 'missing'], (w, topic) => {
        if (topic === 'missing')
          return void w
            .int8(0)
            .int8(3)
            .string(topic)
            .boolean(false)
            .array([], () => {});
        w.int8(0)
          .int8(0)
          .string(topic)
          .boolean(false)
          .array([0], (pw) => {
            pw.int8(0).int8(5).int32(0).int32(-1).array([1, 2], ints).array([], ints).array([1, 2], ints);
          });
      })
      .toBuffer();
    const metadata = metadataApi.decode(payload, 5);
    expect(metadata.clusterId).toBe('cluster-xyz');
    expect(metadata.brokers).toEqual([
      { nodeId: 0, host: '127.0.0.1', port: 19092, rack: 'rack-a' },
      { nodeId: 1, host: '127.0.0.1', port: 19093, rack: null },
    ]);
    expect(metadata.topicMetadata[0].partitionMetadata[0]).toEqual({
      partitionErrorCode: 5,
      partitionId: 0,
      leader: -1,
      replicas: [1, 2],
      isr: [],
      offlineReplicas: [1, 2],
    });
    expect(metadata.topicMetadata[1]).toMatchObject({ topic: 'missing', topicErrorCode: 3 });
  });

  it("writes the requests byte for byte as Kafka's Java client does (some topics, none, all)", () => {
    const hex = (topics: string[] | null) => metadataApi.encode({ topics }, 5).toString('hex');
    expect(hex(['reads-capture', 'reads-capture-missing'])).toBe(requestBody(METADATA_V5_TOPICS_REQUEST).toString('hex'));
    expect(hex([])).toBe(requestBody(METADATA_V5_NONE_REQUEST).toString('hex'));
    expect(hex(null)).toBe(requestBody(METADATA_V5_ALL_REQUEST).toString('hex'));
  });

  it("reads a broker's answer: brokers with racks, cluster id, partitions, and an unknown topic's error", () => {
    const answer = metadataApi.decode(Buffer.from(METADATA_V5_TOPICS, 'hex'), 5);
    expect(answer.clusterId).toBe('nDyUXqSvRG7omSXSVxBiPw');
    expect(answer.controllerId).toBe(2);
    expect(answer.brokers).toEqual([0, 1, 2].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 19092 + nodeId, rack: `rack-${'abc'[nodeId]}` })));
    const partition = (partitionId: number) => ({ partitionErrorCode: 0, partitionId, leader: 0, replicas: [0], isr: [0], offlineReplicas: [] });
    expect(answer.topicMetadata).toEqual([
      { topicErrorCode: 0, topic: 'reads-capture', isInternal: false, partitionMetadata: [partition(0), partition(1)] },
      { topicErrorCode: 3, topic: 'reads-capture-missing', isInternal: false, partitionMetadata: [] },
    ]);
    const none = metadataApi.decode(Buffer.from(METADATA_V5_NONE, 'hex'), 5);
    expect(none).toEqual({ clusterId: 'nDyUXqSvRG7omSXSVxBiPw', controllerId: 1, brokers: answer.brokers, topicMetadata: [] });
  });
});
