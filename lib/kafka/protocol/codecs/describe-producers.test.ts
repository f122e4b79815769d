import { describe, expect, it } from 'vitest';
import { describeProducers } from './describe-producers';
import { CompactWriter } from '../wire';
import { requestBody } from './captured-operations.fixtures';
import { DESCRIBE_PRODUCERS_V0_LEADER, DESCRIBE_PRODUCERS_V0_NOT_LEADER, DESCRIBE_PRODUCERS_V0_REQUEST } from './captured-reads.fixtures';

describe('DescribeProducers v0 codec', () => {
  it('asks for chosen partitions of each topic', () => {
    expect([...describeProducers.encode({ topics: [{ topic: 't', partitions: [0, 1] }] }, 0)]).toEqual([0, 2, 2, 0x74, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('flags partitions with a transactional producer', () => {
    const producer = (w: CompactWriter, [coordinatorEpoch, txnStart]: [number, number]) =>
      w.int64(1000).int32(0).int32(5).int64(Date.now()).int32(coordinatorEpoch).int64(txnStart).emptyTaggedFields();
    const payload = new CompactWriter()
      .emptyTaggedFields()
      .int32(0)
      .compactArray(['orders'], (tw, topic) => {
        tw.compactString(topic)
          .compactArray<[number, [number, number][]]>(
            [
              [0, [[-1, -1]]],
              [1, [[3, -1]]],
              [2, [[-1, 42]]],
              [3, []],
            ],
            (pw, [partition, producers]) => {
              pw.int32(partition).int8(0).int8(0).uvarint(0).compactArray(producers, producer).emptyTaggedFields();
            },
          )
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    expect(describeProducers.decode(payload, 0).map((p) => [p.partition, p.transactional])).toEqual([
      [0, false],
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it("writes the request byte for byte as Kafka's Java client does", () => {
    const request = { topics: [{ topic: 'reads-capture', partitions: [0, 1] }] };
    expect(describeProducers.encode(request, 0).toString('hex')).toBe(requestBody(DESCRIBE_PRODUCERS_V0_REQUEST).toString('hex'));
  });

  it("reads the leader's answer (transactional producers on partition 0 only) and another broker's refusal", () => {
    expect(describeProducers.decode(Buffer.from(DESCRIBE_PRODUCERS_V0_LEADER, 'hex'), 0)).toEqual([
      { topic: 'reads-capture', partition: 0, errorCode: 0, transactional: true },
      { topic: 'reads-capture', partition: 1, errorCode: 0, transactional: false },
    ]);
    expect(describeProducers.decode(Buffer.from(DESCRIBE_PRODUCERS_V0_NOT_LEADER, 'hex'), 0)).toEqual([
      { topic: 'reads-capture', partition: 0, errorCode: 6, transactional: false },
      { topic: 'reads-capture', partition: 1, errorCode: 6, transactional: false },
    ]);
  });
});
