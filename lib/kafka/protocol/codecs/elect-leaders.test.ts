import { describe, expect, it } from 'vitest';
import { ELECT_LEADERS_NOT_NEEDED, ELECT_LEADERS_PREFERRED_REQUEST, ELECT_LEADERS_UNCLEAN_ALL_REQUEST, requestBody } from './captured-operations.fixtures';
import { ELECTION_TYPE, electLeaders } from './elect-leaders';

describe('ElectLeaders', () => {
  it.each([1, 2])("writes v%i byte for byte as Kafka's Java client does: some partitions, and all (null)", (version) => {
    const preferred = electLeaders.encode(
      { electionType: ELECTION_TYPE.preferred, partitions: [{ topic: 'ops-capture', partitions: [0, 1] }], timeoutMs: 60000 },
      version,
    );
    expect(preferred.toString('hex')).toBe(requestBody(ELECT_LEADERS_PREFERRED_REQUEST[version]!).toString('hex'));
    const all = electLeaders.encode({ electionType: ELECTION_TYPE.unclean, partitions: null, timeoutMs: 60000 }, version);
    expect(all.toString('hex')).toBe(requestBody(ELECT_LEADERS_UNCLEAN_ALL_REQUEST[version]!).toString('hex'));
  });

  it.each([1, 2])('reads v%i "election not needed" with the broker\'s message', (version) => {
    const message = 'Leader election not needed for topic partition.';
    expect(electLeaders.decode(Buffer.from(ELECT_LEADERS_NOT_NEEDED[version]!, 'hex'), version)).toEqual({
      errorCode: 0,
      results: [
        {
          topic: 'ops-capture',
          partitions: [
            { partition: 0, errorCode: 84, errorMessage: message },
            { partition: 1, errorCode: 84, errorMessage: message },
          ],
        },
      ],
    });
  });
});
