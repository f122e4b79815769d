import { describe, expect, it } from 'vitest';
import { decodeDescribeProducersResponse, encodeDescribeProducersRequest } from './describe-producers-codec';
import { CompactWriter } from './wire';

describe('DescribeProducers v0 codec', () => {
  it('asks for chosen partitions of each topic', () => {
    expect([...encodeDescribeProducersRequest([{ topic: 't', partitions: [0, 1] }])]).toEqual([0, 2, 2, 0x74, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('flags partitions with a transactional producer', () => {
    const producer = (w: CompactWriter, [coordinatorEpoch, txnStart]: [number, number]) =>
      w.int64(1000).int32(0).int32(5).int64(Date.now()).int32(coordinatorEpoch).int64(txnStart).emptyTaggedFields();
    const payload = new CompactWriter()
      .emptyTaggedFields()
      .int32(0)
      .compactArray(['orders'], (tw, topic) => {
        tw.compactString(topic)
          .compactArray<[number, [number, number][]]>([[0, [[-1, -1]]], [1, [[3, -1]]], [2, [[-1, 42]]], [3, []]], (pw, [partition, producers]) => {
            pw.int32(partition).int8(0).int8(0).uvarint(0).compactArray(producers, producer).emptyTaggedFields();
          })
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    expect(decodeDescribeProducersResponse(payload).map((p) => [p.partition, p.transactional])).toEqual([[0, false], [1, true], [2, true], [3, false]]);
  });
});
