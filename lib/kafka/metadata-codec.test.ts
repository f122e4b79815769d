import { describe, expect, it } from 'vitest';
import { decodeMetadataResponse, encodeMetadataRequest } from './metadata-codec';
import { ClassicWriter } from './wire';

describe('Metadata v5 codec', () => {
  it('asks for all topics with a null array, for none with an empty one, never auto-creating', () => {
    expect([...encodeMetadataRequest(null)]).toEqual([0xff, 0xff, 0xff, 0xff, 0x00]);
    expect([...encodeMetadataRequest([])]).toEqual([0, 0, 0, 0, 0x00]);
    expect([...encodeMetadataRequest(['ab'])]).toEqual([0, 0, 0, 1, 0, 2, 0x61, 0x62, 0x00]);
  });

  it('keeps a leaderless partition and an unknown topic in the answer instead of failing', () => {
    const ints = (w: ClassicWriter, n: number) => w.int32(n);
    const payload = new ClassicWriter()
      .int32(0)
      .array([{ id: 0, rack: 'rack-a' }, { id: 1, rack: null }], (w, b) => w.int32(b.id).string('127.0.0.1').int32(19092 + b.id).string(b.rack))
      .string('cluster-xyz')
      .int32(1)
      .array(['orders', 'missing'], (w, topic) => {
        if (topic === 'missing') return void w.int8(0).int8(3).string(topic).boolean(false).array([], () => {});
        w.int8(0).int8(0).string(topic).boolean(false).array([0], (pw) => {
          pw.int8(0).int8(5).int32(0).int32(-1).array([1, 2], ints).array([], ints).array([1, 2], ints);
        });
      })
      .toBuffer();
    const metadata = decodeMetadataResponse(payload);
    expect(metadata.clusterId).toBe('cluster-xyz');
    expect(metadata.brokers).toEqual([
      { nodeId: 0, host: '127.0.0.1', port: 19092, rack: 'rack-a' },
      { nodeId: 1, host: '127.0.0.1', port: 19093, rack: null },
    ]);
    expect(metadata.topicMetadata[0].partitionMetadata[0]).toEqual({
      partitionErrorCode: 5, partitionId: 0, leader: -1, replicas: [1, 2], isr: [], offlineReplicas: [1, 2],
    });
    expect(metadata.topicMetadata[1]).toMatchObject({ topic: 'missing', topicErrorCode: 3 });
  });
});
