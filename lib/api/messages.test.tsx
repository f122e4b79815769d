import { describe, expect, it } from 'vitest';
import type { ProduceRequest } from '@/lib/produce-request';
import { apiError } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { useClusterOverview } from './clusters';
import { ApiRequestError } from './fetch';
import { useProduce } from './messages';
import { useTopic, useTopics } from './topics';

const READS = {
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c1/topics/a%23b': { body: { name: 'a#b', internal: false, partitions: [], configs: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
};

const reads = () => [useTopics('c1', false), useTopic('c1', 'a#b'), useClusterOverview('c1')];

/** Text, a tombstone, a record encoded with a registry schema, headers as a list: sent as the form built them. */
const request: ProduceRequest = {
  messages: [
    { key: 'k1', value: 'hello', headers: [{ key: 'trace', value: 'abc' }], partition: 2 },
    { key: 'k2', value: null },
    { value: { schema: { subject: 'a#b-value', version: 'latest' }, json: { id: 7, name: 'x' } } },
  ],
  compression: 'zstd',
};

describe('useProduce', () => {
  it('posts the messages to the topic (names escaped) and returns where they were written', async () => {
    const written = {
      written: 3,
      offsets: [
        { partition: 2, offset: 41 },
        { partition: 0, offset: 9 },
        { partition: 1, offset: 0 },
      ],
    };
    let result: unknown;
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/topics/a%23b/messages': { status: 201, body: written } },
      reads,
      mutation: () => {
        const produce = useProduce('c1', 'a#b');
        return { mutateAsync: (input: ProduceRequest) => produce.mutateAsync(input).then((r) => (result = r)) };
      },
      input: request,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/topics/a%23b/messages', body: request });
    expect(result).toEqual(written);
    // Producing refreshes no query: message counts follow with the topic pages' own polling.
    expect(refetched).toEqual([]);
  });

  it('a refused produce rejects with the server error', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/topics/a%23b/messages': apiError(400, 'UNKNOWN_PARTITION', 'Topic "a#b" has no partition 2') },
      reads,
      mutation: () => useProduce('c1', 'a#b'),
      input: request,
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'UNKNOWN_PARTITION', message: 'Topic "a#b" has no partition 2' });
    expect(refetched).toEqual([]);
  });
});
