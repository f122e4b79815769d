import { describe, expect, it } from 'vitest';
import { decodeConsumerAssignment, decodeDescribeGroupsResponse, decodeListGroupsResponse, encodeDescribeGroupsRequest } from './group-codecs';
import { ClassicWriter, CompactWriter } from './wire';

describe('group codecs', () => {
  it('decodes ListGroups v4 with states', () => {
    const payload = new CompactWriter()
      .emptyTaggedFields().int32(0).int8(0).int8(0)
      .compactArray([['g1', 'consumer', 'Stable'], ['g2', '', 'Empty']], (w, [id, type, state]) => w.compactString(id).compactString(type).compactString(state).emptyTaggedFields())
      .emptyTaggedFields()
      .toBuffer();
    expect(decodeListGroupsResponse(payload)).toEqual({
      errorCode: 0,
      groups: [{ groupId: 'g1', protocolType: 'consumer', state: 'Stable' }, { groupId: 'g2', protocolType: '', state: 'Empty' }],
    });
  });

  it('encodes DescribeGroups v5 for several groups', () => {
    expect([...encodeDescribeGroupsRequest(['a', 'b'])]).toEqual([0x00, 0x03, 0x02, 0x61, 0x02, 0x62, 0x00, 0x00]);
  });

  it('keeps a group with an error instead of failing the batch, and decodes member assignments', () => {
    const assignment = new ClassicWriter().int16(1).array([['orders', [2, 0]]] as [string, number[]][], (w, [t, ps]) => w.string(t).array(ps, (pw, p) => pw.int32(p))).int32(-1).toBuffer();
    const payload = new CompactWriter()
      .emptyTaggedFields().int32(0)
      .compactArray(['ok', 'bad'], (w, id) => {
        w.int8(0).int8(id === 'bad' ? 16 : 0).compactString(id).compactString(id === 'bad' ? '' : 'Stable').compactString('consumer').compactString('range');
        w.compactArray(id === 'bad' ? [] : ['m1'], (mw, m) => {
          mw.compactString(m).uvarint(0).compactString('client-1').compactString('/127.0.0.1');
          mw.compactBytes(Buffer.alloc(0)).compactBytes(assignment).emptyTaggedFields();
        });
        w.int32(0).emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    const groups = decodeDescribeGroupsResponse(payload);
    expect(groups.map((g) => [g.groupId, g.errorCode])).toEqual([['ok', 0], ['bad', 16]]);
    expect(groups[0].members[0]).toMatchObject({ memberId: 'm1', clientId: 'client-1', host: '/127.0.0.1' });
    expect(decodeConsumerAssignment(groups[0].members[0].assignment)).toEqual([{ topic: 'orders', partitions: [0, 2] }]);
  });

  it('reads a non-consumer assignment as no partitions', () => {
    expect(decodeConsumerAssignment(Buffer.from([0, 1, 0xff]))).toEqual([]);
    expect(decodeConsumerAssignment(null)).toEqual([]);
  });
});
