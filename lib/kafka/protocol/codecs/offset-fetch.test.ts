import { describe, expect, it } from 'vitest';
import { offsetFetch } from './offset-fetch';
import { CompactWriter } from '../wire';
import { requestBody } from './captured-operations.fixtures';
import { OFFSET_FETCH_V8_COORDINATOR, OFFSET_FETCH_V8_NOT_COORDINATOR, OFFSET_FETCH_V8_REQUEST } from './captured-reads.fixtures';

describe('OffsetFetch v8 codec', () => {
  it('asks for all topics of each group', () => {
    expect([...offsetFetch.encode({ groupIds: ['g1', 'g2'] }, 8)]).toEqual([
      0x00, // header tags
      0x03,
      0x03,
      0x67,
      0x31,
      0x00,
      0x00,
      0x03,
      0x67,
      0x32,
      0x00,
      0x00, // two groups, null topics, tags
      0x00, // require stable
      0x00, // tags
    ]);
  });

  it('decodes committed offsets per group, with -1 for partitions without a commit', () => {
    const partition = (w: CompactWriter, [index, offset]: [number, number]) => {
      w.int32(index).int64(offset).int32(-1).uvarint(1).int8(0).int8(0).emptyTaggedFields(); // epoch, metadata "", error 0, tags
    };
    const payload = new CompactWriter()
      .emptyTaggedFields()
      .int32(0)
      .compactArray(['g1'], (gw, id) => {
        gw.compactString(id)
          .compactArray(['orders'], (tw, topic) => {
            tw.compactString(topic)
              .compactArray<[number, number]>(
                [
                  [0, 42],
                  [1, -1],
                ],
                partition,
              )
              .emptyTaggedFields();
          })
          .int8(0)
          .int8(0)
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    expect(offsetFetch.decode(payload, 8)).toEqual([
      {
        groupId: 'g1',
        errorCode: 0,
        partitions: [
          { topic: 'orders', partition: 0, committedOffset: 42, errorCode: 0 },
          { topic: 'orders', partition: 1, committedOffset: -1, errorCode: 0 },
        ],
      },
    ]);
  });

  it("writes the request byte for byte as Kafka's Java client does", () => {
    const request = { groupIds: ['reads-capture-group', 'reads-capture-group-none'] };
    expect(offsetFetch.encode(request, 8).toString('hex')).toBe(requestBody(OFFSET_FETCH_V8_REQUEST).toString('hex'));
  });

  it("reads the coordinator's answer (a group with commits, one without) and another broker's NOT_COORDINATOR", () => {
    expect(offsetFetch.decode(Buffer.from(OFFSET_FETCH_V8_COORDINATOR, 'hex'), 8)).toEqual([
      {
        groupId: 'reads-capture-group',
        errorCode: 0,
        partitions: [
          { topic: 'reads-capture', partition: 0, committedOffset: 3, errorCode: 0 },
          { topic: 'reads-capture', partition: 1, committedOffset: 1, errorCode: 0 },
        ],
      },
      { groupId: 'reads-capture-group-none', errorCode: 0, partitions: [] },
    ]);
    expect(offsetFetch.decode(Buffer.from(OFFSET_FETCH_V8_NOT_COORDINATOR, 'hex'), 8)).toEqual([
      { groupId: 'reads-capture-group', errorCode: 16, partitions: [] },
      { groupId: 'reads-capture-group-none', errorCode: 16, partitions: [] },
    ]);
  });
});
