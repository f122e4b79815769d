import { describe, expect, it } from 'vitest';
import { batch } from '../kafkajs-batches.fixtures';
import type { RawRecord } from '../../protocol-types';
import { fetchResponse } from './fetch';
import { FETCH_V11_LEADER, FETCH_V11_NOT_LEADER } from './captured-reads.fixtures';

describe('Fetch v11 response', () => {
  it('reads partition headers and errors, with records decoded when iterated', async () => {
    const records = await batch(10);
    const parts: Buffer[] = [];
    const int16 = (n: number) => {
      const b = Buffer.alloc(2);
      b.writeInt16BE(n);
      parts.push(b);
    };
    const int32 = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeInt32BE(n);
      parts.push(b);
    };
    const int64 = (n: number) => {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(BigInt(n));
      parts.push(b);
    };
    int32(0);
    int16(0);
    int32(0); // throttle, error, session
    int32(1);
    int16(5);
    parts.push(Buffer.from('topic'));
    int32(2);
    // partition 0: one aborted transaction, records
    int32(0);
    int16(0);
    int64(13);
    int64(13);
    int64(0);
    int32(1);
    int64(99);
    int64(5);
    int32(-1);
    int32(records.length);
    parts.push(records);
    // partition 1: NOT_LEADER_OR_FOLLOWER, no records
    int32(1);
    int16(6);
    int64(-1);
    int64(-1);
    int64(-1);
    int32(-1);
    int32(-1);
    int32(-1);
    const result = fetchResponse.decode(Buffer.concat(parts), 11);
    const [p0, p1] = result.responses[0].partitions;
    expect(result.responses[0].topicName).toBe('topic');
    expect(p0).toMatchObject({ partition: 0, errorCode: 0, highWatermark: '13' });
    expect([...p0.messages].map((r) => r.offset)).toEqual([10, 11, 12]);
    expect(p1).toMatchObject({ partition: 1, errorCode: 6 });
    expect([...p1.messages]).toEqual([]);
  });

  it("reads a broker's answer to Kafka's consumer: watermarks, an aborted transaction, records and markers", () => {
    const [topic] = fetchResponse.decode(Buffer.from(FETCH_V11_LEADER, 'hex'), 11).responses;
    expect(topic!.topicName).toBe('reads-capture');
    const [p0, p1] = topic!.partitions;
    expect(p0).toMatchObject({
      partition: 0,
      errorCode: 0,
      highWatermark: '8',
      lastStableOffset: 8,
      abortedTransactions: [{ producerId: 4022n, firstOffset: 3 }],
    });
    const read = (records: Iterable<RawRecord>) =>
      [...records].map((r) => [r.offset, r.key?.toString() ?? null, r.isControlRecord ? r.marker : r.value?.toString()]);
    expect(read(p0!.messages)).toEqual([
      [0, 'c-0', 'commit 0'],
      [1, 'c-1', 'commit 1'],
      [2, '\x00\x00\x00\x01', 'commit'],
      [3, 'a-0', 'abort 0'],
      [4, 'a-1', 'abort 1'],
      [5, '\x00\x00\x00\x00', 'abort'],
      [6, null, 'p1-0'],
      [7, null, 'p1-2'],
    ]);
    expect(p1).toMatchObject({ partition: 1, errorCode: 0, highWatermark: '1', lastStableOffset: 1, abortedTransactions: [] });
    expect(read(p1!.messages)).toEqual([[0, null, 'p1-1']]);
  });

  it("reads another broker's NOT_LEADER_OR_FOLLOWER for both partitions, without records", () => {
    const [topic] = fetchResponse.decode(Buffer.from(FETCH_V11_NOT_LEADER, 'hex'), 11).responses;
    expect(topic!.partitions.map((p) => [p.partition, p.errorCode, p.highWatermark, [...p.messages].length])).toEqual([
      [0, 6, '-1', 0],
      [1, 6, '-1', 0],
    ]);
  });
});
