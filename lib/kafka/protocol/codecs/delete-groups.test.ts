import { describe, expect, it } from 'vitest';
import { DELETE_GROUPS_V1_NOT_COORDINATOR, DELETE_GROUPS_V1_NOT_FOUND } from './captured-admin.fixtures';
import { deleteGroups } from './delete-groups';

describe('DeleteGroups v1 codec', () => {
  it('encodes the group ids as a classic string array', () => {
    expect([...deleteGroups.encode({ groupIds: ['g1', 'g'] }, 1)]).toEqual([0, 0, 0, 2, 0, 2, 0x67, 0x31, 0, 1, 0x67]);
  });

  it('reads each group’s error code from captured Kafka 4.3.1 answers', () => {
    expect(deleteGroups.decode(Buffer.from(DELETE_GROUPS_V1_NOT_FOUND, 'hex'), 1)).toEqual([{ groupId: 'capture-no-such-group', errorCode: 69 }]);
    expect(deleteGroups.decode(Buffer.from(DELETE_GROUPS_V1_NOT_COORDINATOR, 'hex'), 1)).toEqual([{ groupId: 'capture-no-such-group', errorCode: 16 }]);
  });
});
