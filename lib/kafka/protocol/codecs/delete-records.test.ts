import { describe, expect, it } from 'vitest';
import {
  DELETE_RECORDS_REQUEST,
  DELETE_RECORDS_V1_OK,
  DELETE_RECORDS_V2_NOT_LEADER,
  DELETE_RECORDS_V2_OK,
  DELETE_RECORDS_V2_OUT_OF_RANGE,
  requestBody,
} from './captured-operations.fixtures';
import { deleteRecords } from './delete-records';

const request = {
  topics: [
    {
      name: 'ops-capture',
      partitions: [
        { partition: 0, offset: 3 },
        { partition: 1, offset: -1 },
      ],
    },
  ],
  timeoutMs: 30000,
};

describe('DeleteRecords', () => {
  it.each([0, 1, 2])("writes v%i byte for byte as Kafka's Java client does", (version) => {
    expect(deleteRecords.encode(request, version).toString('hex')).toBe(requestBody(DELETE_RECORDS_REQUEST[version]!).toString('hex'));
  });

  it("reads the new low watermarks from the broker's answers (v2 and v1)", () => {
    const expected = {
      topics: [
        {
          name: 'ops-capture',
          partitions: [
            { partition: 0, lowWatermark: 3, errorCode: 0 },
            { partition: 1, lowWatermark: 5, errorCode: 0 },
          ],
        },
      ],
    };
    expect(deleteRecords.decode(Buffer.from(DELETE_RECORDS_V2_OK, 'hex'), 2)).toEqual(expected);
    expect(deleteRecords.decode(Buffer.from(DELETE_RECORDS_V1_OK, 'hex'), 1)).toEqual(expected);
  });

  it('reads per-partition errors: offset beyond the high watermark, broker not the leader', () => {
    const [outOfRange] = deleteRecords.decode(Buffer.from(DELETE_RECORDS_V2_OUT_OF_RANGE, 'hex'), 2).topics;
    expect(outOfRange!.partitions).toEqual([
      { partition: 0, lowWatermark: -1, errorCode: 1 },
      { partition: 1, lowWatermark: 5, errorCode: 0 },
    ]);
    const [notLeader] = deleteRecords.decode(Buffer.from(DELETE_RECORDS_V2_NOT_LEADER, 'hex'), 2).topics;
    expect(notLeader!.partitions.map((p) => p.errorCode)).toEqual([6, 6]);
  });
});
