import { describe, expect, it } from 'vitest';
import { LIST_OFFSETS_READ_COMMITTED_V6_REQUEST, LIST_OFFSETS_REQUEST, LIST_OFFSETS_RESPONSE } from './captured-list-offsets.fixtures';
import { requestBody } from './captured-operations.fixtures';
import { listOffsets } from './list-offsets';

const request = {
  isolationLevel: 0 as const,
  topics: [
    {
      name: 'ops-capture',
      partitions: [
        { partition: 0, timestamp: -2 },
        { partition: 1, timestamp: -1 },
      ],
    },
  ],
  timeoutMs: 30000,
};

describe('ListOffsets', () => {
  it.each(listOffsets.versions.map((v) => [v]))("writes v%i byte for byte as Kafka's Java client does", (version) => {
    expect(listOffsets.encode(request, version).toString('hex')).toBe(requestBody(LIST_OFFSETS_REQUEST[version]!).toString('hex'));
  });

  it('writes read_committed', () => {
    expect(listOffsets.encode({ ...request, isolationLevel: 1 }, 6).toString('hex')).toBe(requestBody(LIST_OFFSETS_READ_COMMITTED_V6_REQUEST).toString('hex'));
  });

  it.each([11, 6, 4, 1])('reads v%i answers where one partition has an error and the other an offset, without throwing', (version) => {
    const { broker0, broker1 } = LIST_OFFSETS_RESPONSE[version]!;
    expect(listOffsets.decode(Buffer.from(broker0, 'hex'), version)).toEqual({
      responses: [
        {
          topic: 'ops-capture',
          partitions: [
            { partition: 0, errorCode: 0, timestamp: -1, offset: '2' },
            { partition: 1, errorCode: 6, timestamp: -1, offset: '-1' },
          ],
        },
      ],
    });
    expect(listOffsets.decode(Buffer.from(broker1, 'hex'), version)).toEqual({
      responses: [
        {
          topic: 'ops-capture',
          partitions: [
            { partition: 0, errorCode: 6, timestamp: -1, offset: '-1' },
            { partition: 1, errorCode: 0, timestamp: -1, offset: '5' },
          ],
        },
      ],
    });
  });
});
