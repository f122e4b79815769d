import { describe, expect, it } from 'vitest';
import { CompactReader, CompactWriter } from '../wire';
import { consumerGroupDescribe } from './consumer-group-describe';
import { CONSUMER_GROUP_DESCRIBE_V0_STATIC } from './captured-groups.fixtures';

const NULL = (w: CompactWriter) => w.uvarint(0);

function assignment(w: CompactWriter, topics: [string, number[]][]) {
  w.compactArray(topics, (tw, [topic, partitions]) => {
    tw.int64(1n)
      .int64(2n)
      .compactString(topic)
      .compactArray(partitions, (pw, p) => void pw.int32(p))
      .emptyTaggedFields();
  });
  w.emptyTaggedFields();
}

describe('ConsumerGroupDescribe v0', () => {
  it('encodes the group ids', () => {
    const r = new CompactReader(consumerGroupDescribe.encode({ groupIds: ['a', 'bb'] }, 0));
    r.skipTaggedFields();
    expect(r.compactArray((x) => x.compactString())).toEqual(['a', 'bb']);
    expect(r.int8()).toBe(0);
  });

  it('decodes members with their current assignment, not the target one', () => {
    const w = new CompactWriter().emptyTaggedFields().int32(0);
    w.compactArray([0], (gw) => {
      gw.int16(0);
      NULL(gw);
      gw.compactString('orders-app').compactString('Stable').int32(7).int32(7).compactString('uniform');
      gw.compactArray([0], (mw) => {
        mw.compactString('m-1');
        NULL(mw);
        NULL(mw);
        mw.int32(7).compactString('orders-client').compactString('/10.0.0.5');
        mw.compactArray(['orders'], (sw, t) => void sw.compactString(t));
        NULL(mw);
        assignment(mw, [['orders', [0, 2]]]);
        assignment(mw, [['orders', [0, 1, 2]]]);
        mw.emptyTaggedFields();
      });
      gw.int32(-2147483648).emptyTaggedFields();
    });
    w.emptyTaggedFields();
    expect(consumerGroupDescribe.decode(w.toBuffer(), 0)).toEqual([
      {
        groupId: 'orders-app',
        errorCode: 0,
        state: 'Stable',
        groupEpoch: 7,
        assignmentEpoch: 7,
        assignor: 'uniform',
        members: [
          {
            memberId: 'm-1',
            instanceId: null,
            clientId: 'orders-client',
            host: '10.0.0.5',
            memberEpoch: 7,
            assignments: [{ topic: 'orders', partitions: [0, 2] }],
          },
        ],
      },
    ]);
  });

  it('reads the assignor and a static member’s group.instance.id from an answer captured from Kafka 4.3.1', () => {
    expect(consumerGroupDescribe.decode(Buffer.from(CONSUMER_GROUP_DESCRIBE_V0_STATIC, 'hex'), 0)).toEqual([
      {
        groupId: 'cg848-static-probe',
        errorCode: 0,
        state: 'Stable',
        groupEpoch: 2,
        assignmentEpoch: 2,
        assignor: 'uniform',
        members: [
          {
            memberId: 'W4KxdgPJRIybL_sVm3KAKg',
            instanceId: 'static-848-1',
            clientId: 'kip848-cap',
            host: '127.0.0.1',
            memberEpoch: 2,
            assignments: [{ topic: 'sh-probe-13503', partitions: [0, 1, 2] }],
          },
        ],
      },
    ]);
  });
});
