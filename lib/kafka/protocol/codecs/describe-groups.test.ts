import { describe, expect, it } from 'vitest';
import { DESCRIBE_GROUPS_V5_STATIC } from './captured-groups.fixtures';
import { decodeConsumerAssignment, describeGroups } from './describe-groups';
import { ClassicWriter, CompactWriter } from '../wire';

describe('DescribeGroups v5 codec', () => {
  it('reads a static member’s group.instance.id from a captured DescribeGroups v5 answer', () => {
    const [group] = describeGroups.decode(Buffer.from(DESCRIBE_GROUPS_V5_STATIC, 'hex'), 5);
    expect(group).toMatchObject({ groupId: 'cg-static-probe', errorCode: 0, state: 'Stable', protocolType: 'consumer', protocol: 'range' });
    expect(group.members.map(({ memberId, instanceId, clientId, host }) => ({ memberId, instanceId, clientId, host }))).toEqual([
      { memberId: 'static-classic-1-ec7ce770-8bb4-4029-af6e-a6c6bef2fe49', instanceId: 'static-classic-1', clientId: 'classic-cap', host: '/127.0.0.1' },
    ]);
    expect(decodeConsumerAssignment(group.members[0].assignment)).toEqual([{ topic: 'sh-probe-13503', partitions: [0, 1, 2] }]);
  });

  it('encodes DescribeGroups v5 for several groups', () => {
    expect([...describeGroups.encode({ groupIds: ['a', 'b'] }, 5)]).toEqual([0x00, 0x03, 0x02, 0x61, 0x02, 0x62, 0x00, 0x00]);
  });

  it('keeps a group with an error instead of failing the batch, and decodes member assignments', () => {
    const assignment = new ClassicWriter()
      .int16(1)
      .array([['orders', [2, 0]]] as [string, number[]][], (w, [t, ps]) => w.string(t).array(ps, (pw, p) => pw.int32(p)))
      .int32(-1)
      .toBuffer();
    const payload = new CompactWriter()
      .emptyTaggedFields()
      .int32(0)
      .compactArray(['ok', 'bad'], (w, id) => {
        w.int8(0)
          .int8(id === 'bad' ? 16 : 0)
          .compactString(id)
          .compactString(id === 'bad' ? '' : 'Stable')
          .compactString('consumer')
          .compactString('range');
        w.compactArray(id === 'bad' ? [] : ['m1'], (mw, m) => {
          mw.compactString(m).uvarint(0).compactString('client-1').compactString('/127.0.0.1');
          mw.compactBytes(Buffer.alloc(0)).compactBytes(assignment).emptyTaggedFields();
        });
        w.int32(0).emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    const groups = describeGroups.decode(payload, 5);
    expect(groups.map((g) => [g.groupId, g.errorCode])).toEqual([
      ['ok', 0],
      ['bad', 16],
    ]);
    expect(groups[0].members[0]).toMatchObject({ memberId: 'm1', clientId: 'client-1', host: '/127.0.0.1' });
    expect(decodeConsumerAssignment(groups[0].members[0].assignment)).toEqual([{ topic: 'orders', partitions: [0, 2] }]);
  });

  it('reads a non-consumer assignment as no partitions', () => {
    expect(decodeConsumerAssignment(Buffer.from([0, 1, 0xff]))).toEqual([]);
    expect(decodeConsumerAssignment(null)).toEqual([]);
  });
});
