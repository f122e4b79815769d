import { describe, expect, it } from 'vitest';
import { decodeOffsetFetchResponse, encodeOffsetFetchRequest } from './offset-fetch-codec';
import { CompactWriter } from './wire';

describe('OffsetFetch v8 codec', () => {
  it('asks for all topics of each group', () => {
    expect([...encodeOffsetFetchRequest(['g1', 'g2'])]).toEqual([
      0x00, // header tags
      0x03, 0x03, 0x67, 0x31, 0x00, 0x00, 0x03, 0x67, 0x32, 0x00, 0x00, // two groups, null topics, tags
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
            tw.compactString(topic).compactArray<[number, number]>([[0, 42], [1, -1]], partition).emptyTaggedFields();
          })
          .int8(0).int8(0)
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    expect(decodeOffsetFetchResponse(payload)).toEqual([
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
});
