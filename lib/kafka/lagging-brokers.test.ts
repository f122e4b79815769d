import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import type { ProtocolCluster, RawMetadata } from './protocol';
import { topicMetadata } from './topics';
import { describeConfigs } from './configs';

const brokers = [0, 1, 2].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 19092 + nodeId, rack: null }));
const known = (topic: string): RawMetadata =>
  ({ brokers, topicMetadata: [{ topic, topicErrorCode: 0, isInternal: false, partitionMetadata: [] }] }) as unknown as RawMetadata;
const unknown = (topic: string): RawMetadata =>
  ({ brokers, topicMetadata: [{ topic, topicErrorCode: 3, isInternal: false, partitionMetadata: [] }] }) as unknown as RawMetadata;

/** Brokers that know the topic from `knowsFrom[nodeId]`'s ask on; `metadata()` is answered by broker 0. */
function cluster(knowsFrom: number[]) {
  const asks = [0, 0, 0];
  const answer = (nodeId: number, topic: string) => (asks[nodeId]++ >= knowsFrom[nodeId] ? known(topic) : unknown(topic));
  const protocol = {
    metadata: async (topics: string[]) => answer(0, topics[0]),
    call: async (_api: unknown, request: { topics: string[] }, options: { broker: number }) => answer(options.broker, request.topics[0]),
  } as unknown as ProtocolCluster;
  return { protocol, asks };
}

describe('one topic’s metadata', () => {
  it('asks the other brokers when the first one has not learned a new topic yet', async () => {
    const { protocol, asks } = cluster([Infinity, 0, Infinity]);
    expect((await topicMetadata(protocol, 'fresh')).topic).toBe('fresh');
    expect(asks).toEqual([2, 1, 1]);
  });

  it('waits for brokers that all lag, then answers', async () => {
    const { protocol } = cluster([3, 3, 3]);
    expect((await topicMetadata(protocol, 'fresh')).topicErrorCode).toBe(0);
  });

  it('answers 404 once every broker has said unknown for about a second', async () => {
    const { protocol, asks } = cluster([Infinity, Infinity, Infinity]);
    const started = Date.now();
    const error = await topicMetadata(protocol, 'missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(asks).toEqual([5, 4, 4]);
  });
});

describe('a topic’s configs', () => {
  /** Brokers answer DescribeConfigs for the topic from `knowsFrom[nodeId]`'s ask on; `call()` without a broker goes to broker 0. */
  function configsCluster(knowsFrom: number[]) {
    const asks = [0, 0, 0];
    const protocol = {
      metadata: async () => ({ brokers, topicMetadata: [] }),
      call: async (_api: unknown, request: { resources: { name: string }[] }, options?: { broker?: number }) => {
        const nodeId = options?.broker ?? 0;
        const knows = asks[nodeId]++ >= knowsFrom[nodeId];
        const configs = [{ name: 'max.message.bytes', value: '4096', source: 5, isSensitive: false, readOnly: false }];
        return [{ name: request.resources[0].name, errorCode: knows ? 0 : 3, errorMessage: null, configs: knows ? configs : [] }];
      },
    } as unknown as ProtocolCluster;
    return { protocol, asks };
  }

  it('are asked of the other brokers when the first one has not learned a new topic yet', async () => {
    const { protocol, asks } = configsCluster([Infinity, Infinity, 0]);
    expect((await describeConfigs(protocol, 'topic', 'fresh')).map((c) => [c.name, c.value])).toEqual([['max.message.bytes', '4096']]);
    expect(asks).toEqual([2, 1, 1]);
  });

  it('answer 404 once every broker has said unknown for about a second', async () => {
    const { protocol } = configsCluster([Infinity, Infinity, Infinity]);
    const error = await describeConfigs(protocol, 'topic', 'missing').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(404);
  });
});
