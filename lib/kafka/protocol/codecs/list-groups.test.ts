import { describe, expect, it } from 'vitest';
import { JAVA_LIST_GROUPS_V4_REQUEST, JAVA_LIST_GROUPS_V5_REQUEST, LIST_GROUPS_V5_NODE_2 } from './captured-groups.fixtures';
import { listGroups } from './list-groups';
import { CompactWriter } from '../wire';

describe('ListGroups v4/v5 codec', () => {
  it('writes ListGroups v5 and v4 (no filters: every group) as Kafka’s Java client does', () => {
    expect(listGroups.encode(null, 5).toString('hex')).toBe(`00${JAVA_LIST_GROUPS_V5_REQUEST}`);
    expect(listGroups.encode(null, 4).toString('hex')).toBe(`00${JAVA_LIST_GROUPS_V4_REQUEST}`);
  });

  it('reads each group’s type from a ListGroups v5 answer captured from Kafka 4.3.1', () => {
    expect(listGroups.decode(Buffer.from(LIST_GROUPS_V5_NODE_2, 'hex'), 5)).toEqual({
      errorCode: 0,
      groups: [
        { groupId: 'sg-probe', protocolType: 'share', state: 'Stable', type: 'share' },
        { groupId: 'cg-static-probe', protocolType: 'consumer', state: 'Stable', type: 'classic' },
      ],
    });
  });

  it('decodes ListGroups v4 with states', () => {
    const payload = new CompactWriter()
      .emptyTaggedFields()
      .int32(0)
      .int8(0)
      .int8(0)
      .compactArray(
        [
          ['g1', 'consumer', 'Stable'],
          ['g2', '', 'Empty'],
        ],
        (w, [id, type, state]) => w.compactString(id).compactString(type).compactString(state).emptyTaggedFields(),
      )
      .emptyTaggedFields()
      .toBuffer();
    expect(listGroups.decode(payload, 4)).toEqual({
      errorCode: 0,
      groups: [
        { groupId: 'g1', protocolType: 'consumer', state: 'Stable', type: '' },
        { groupId: 'g2', protocolType: '', state: 'Empty', type: '' },
      ],
    });
  });
});
