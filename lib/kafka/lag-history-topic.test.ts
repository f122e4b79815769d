import { describe, expect, it } from 'vitest';
import { encodeHistoryRecord, type HistoryRecord } from '@/lib/lag-record';
import { ensureTopic, followHistory, HistoryRefusedError, writeHistory } from './lag-history-topic';
import type { Producer } from './producer';
import { UnsupportedApiError, type ProtocolCluster } from './protocol';

const sampleRecord = (groupId: string, t: number): HistoryRecord => ({ kind: 'sample', groupId, sample: { t, totalLag: t, members: true } });

/** A one-partition topic on broker 1: records with timestamps, fetched whole batches of 3 at a time. */
function fakeTopic(records: { t: number; record: HistoryRecord }[], { topicError = 0, createError = 0 } = {}) {
  const created: unknown[] = [];
  const fetchedFrom: number[] = [];
  const log = records.map(({ t, record }, offset) => {
    const { key, value } = encodeHistoryRecord(record);
    return { offset, timestamp: t, timestampType: 'CreateTime', key: Buffer.from(key), value: value === null ? null : Buffer.from(value), headers: [] };
  });
  const protocol = {
    metadata: async () => ({
      brokers: [],
      topicMetadata: [
        {
          topic: 'lag',
          topicErrorCode: topicError,
          partitionMetadata: topicError ? [] : [{ partitionErrorCode: 0, partitionId: 0, leader: 1, replicas: [1], isr: [1] }],
        },
      ],
    }),
    call: async (_api: unknown, request: { topics: unknown[] }) => {
      created.push(...request.topics);
      return [{ name: 'lag', errorCode: createError, errorMessage: null }];
    },
    listOffsets: async (_node: number, _topics: unknown, timestamp: number) => {
      const at = timestamp === -1 ? log.length : log.findIndex((r) => r.timestamp >= timestamp);
      return { responses: [{ topic: 'lag', partitions: [{ partition: 0, errorCode: 0, timestamp: -1, offset: String(at) }] }] };
    },
    fetch: async (_node: number, args: { maxWaitTime: number; topics: { partitions: { fetchOffset: string }[] }[] }) => {
      const from = Number(args.topics[0].partitions[0].fetchOffset);
      fetchedFrom.push(from);
      const batchStart = from - (from % 3);
      const messages = log.slice(batchStart, batchStart + 3);
      if (!messages.length) await new Promise((resolve) => setTimeout(resolve, Math.min(args.maxWaitTime, 20)));
      return { responses: [{ topicName: 'lag', partitions: [{ partition: 0, errorCode: topicError, highWatermark: String(log.length), messages }] }] };
    },
  } as unknown as ProtocolCluster;
  return { protocol, created, fetchedFrom };
}

describe('the history topic', () => {
  it('is created once, with the cluster default replication and the history length as retention', async () => {
    const missing = fakeTopic([], { topicError: 3 });
    await ensureTopic(missing.protocol, 'lag', { 'retention.ms': '60000' });
    expect(missing.created).toEqual([{ name: 'lag', partitions: 1, replicationFactor: -1, configs: { 'retention.ms': '60000' } }]);
    const existing = fakeTopic([]);
    await ensureTopic(existing.protocol, 'lag', {});
    expect(existing.created).toEqual([]);
    // Another dashboard created it a moment before.
    await expect(ensureTopic(fakeTopic([], { topicError: 3, createError: 36 }).protocol, 'lag', {})).resolves.toBeUndefined();
  });

  it('refusals become a HistoryRefusedError: the dashboard falls back to memory', async () => {
    await expect(ensureTopic(fakeTopic([], { topicError: 3, createError: 29 }).protocol, 'lag', {})).rejects.toThrow(
      new HistoryRefusedError('creating topic lag was refused (TOPIC_AUTHORIZATION_FAILED)'),
    );
    await expect(ensureTopic(fakeTopic([], { topicError: 29 }).protocol, 'lag', {})).rejects.toBeInstanceOf(HistoryRefusedError);
    // A lasting refusal of the topic's settings (a create policy, say) is not tried again forever either.
    await expect(ensureTopic(fakeTopic([], { topicError: 3, createError: 44 }).protocol, 'lag', {})).rejects.toThrow(
      'creating topic lag was refused (POLICY_VIOLATION)',
    );
    const old = fakeTopic([], { topicError: 3 }).protocol;
    old.call = async () => {
      throw new UnsupportedApiError('CreateTopics', { minVersion: 0, maxVersion: 3 }, [4]);
    };
    await expect(ensureTopic(old, 'lag', {})).rejects.toThrow('creating topic lag needs Kafka 2.4 or later');
    const refusing = {
      send: async () => {
        throw Object.assign(new Error('Not authorized to access topics'), { type: 'TOPIC_AUTHORIZATION_FAILED' });
      },
    } as unknown as Producer;
    await expect(writeHistory(refusing, 'lag', [sampleRecord('g', 1)])).rejects.toThrow('writing to topic lag was refused (TOPIC_AUTHORIZATION_FAILED)');
    const unreachable = {
      send: async () => {
        throw new Error('Connection closed');
      },
    } as unknown as Producer;
    await expect(writeHistory(unreachable, 'lag', [sampleRecord('g', 1)])).rejects.not.toBeInstanceOf(HistoryRefusedError);
  });

  it.each([
    [10, 'MESSAGE_TOO_LARGE'],
    [29, 'TOPIC_AUTHORIZATION_FAILED'],
    [30, 'GROUP_AUTHORIZATION_FAILED'],
    [31, 'CLUSTER_AUTHORIZATION_FAILED'],
    [38, 'INVALID_REPLICATION_FACTOR'],
    [40, 'INVALID_CONFIG'],
    [44, 'POLICY_VIOLATION'],
    [87, 'INVALID_RECORD'],
  ])('Kafka error %i is a lasting refusal, named %s', async (createError, name) => {
    await expect(ensureTopic(fakeTopic([], { topicError: 3, createError }).protocol, 'lag', {})).rejects.toThrow(
      new HistoryRefusedError(`creating topic lag was refused (${name})`),
    );
  });

  it('other Kafka errors are not refusals: the topic is tried again later', async () => {
    await expect(ensureTopic(fakeTopic([], { topicError: 3, createError: 7 }).protocol, 'lag', {})).rejects.not.toBeInstanceOf(HistoryRefusedError);
  });

  it('is read from now − history length, each record once, then followed; "caught up" at the log end', async () => {
    const records = [1000, 2000, 3000, 4000, 5000].map((t) => ({ t, record: sampleRecord(`g${t}`, t) }));
    const topic = fakeTopic(records);
    const read: HistoryRecord[] = [];
    const controller = new AbortController();
    let caughtUpAfter = -1;
    const done = followHistory(
      async () => topic.protocol,
      'lag',
      2500,
      {
        onRecords: (batch) => read.push(...batch),
        onCaughtUp: () => {
          caughtUpAfter = read.length;
          controller.abort();
        },
      },
      controller.signal,
    );
    await done;
    // From offset 2 (the first at or after t=2500 is t=3000): the batch's earlier records are skipped.
    expect(read.map((r) => r.groupId)).toEqual(['g3000', 'g4000', 'g5000']);
    expect(caughtUpAfter).toBe(3);
    expect(topic.fetchedFrom.slice(0, 2)).toEqual([2, 3]);
  });

  it('stops with a HistoryRefusedError when reading is refused', async () => {
    const topic = fakeTopic([], { topicError: 29 });
    await expect(
      followHistory(async () => topic.protocol, 'lag', 0, { onRecords: () => {}, onCaughtUp: () => {} }, new AbortController().signal),
    ).rejects.toBeInstanceOf(HistoryRefusedError);
  });
});
