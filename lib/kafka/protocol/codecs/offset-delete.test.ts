import { describe, expect, it } from 'vitest';
import {
  OFFSET_DELETE_V0_NOT_COORDINATOR,
  OFFSET_DELETE_V0_OK,
  OFFSET_DELETE_V0_REQUEST,
  OFFSET_DELETE_V0_SUBSCRIBED,
  requestBody,
} from './captured-operations.fixtures';
import { offsetDelete } from './offset-delete';

describe('OffsetDelete', () => {
  it("writes v0 byte for byte as Kafka's Java client does", () => {
    const ours = offsetDelete.encode({ groupId: 'ops-capture-group', topics: [{ name: 'ops-capture', partitions: [0, 1] }] }, 0);
    expect(ours.toString('hex')).toBe(requestBody(OFFSET_DELETE_V0_REQUEST).toString('hex'));
  });

  it("reads the coordinator's answers: deleted, refused while subscribed, not the coordinator", () => {
    expect(offsetDelete.decode(Buffer.from(OFFSET_DELETE_V0_OK, 'hex'), 0)).toEqual({
      errorCode: 0,
      topics: [
        {
          name: 'ops-capture',
          partitions: [
            { partition: 0, errorCode: 0 },
            { partition: 1, errorCode: 0 },
          ],
        },
      ],
    });
    const subscribed = offsetDelete.decode(Buffer.from(OFFSET_DELETE_V0_SUBSCRIBED, 'hex'), 0);
    expect(subscribed.topics[0]!.partitions.map((p) => p.errorCode)).toEqual([86, 86]);
    expect(offsetDelete.decode(Buffer.from(OFFSET_DELETE_V0_NOT_COORDINATOR, 'hex'), 0)).toEqual({ errorCode: 16, topics: [] });
  });
});
