import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { TopicDetails, TopicSummary } from '@/lib/types/topics';
import { call } from '../support/api';
import { parseTopicDescribe } from '../support/describe-parse';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

/** The topic page's numbers: replication factor after a reassignment, sizes per partition, which counts are estimates. */

const run = Date.now();
const mixed = `it-stats-mixed-${run}`;
const compacted = `it-stats-compacted-${run}`;
const transactional = `it-stats-txn-${run}`;
const kafka = new Kafka({ clientId: 'topic-stats-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

const details = async (topic: string) => {
  const { status, body } = await call(topicRoute.GET, { cluster: 'local', topic });
  expect(status).toBe(200);
  return body as TopicDetails;
};

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic: mixed, numPartitions: 3, replicationFactor: 3 },
    { topic: compacted, numPartitions: 2, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
    { topic: transactional, numPartitions: 2, replicationFactor: 1 },
  ]);
  const producer = idempotentProducer(kafka);
  await producer.connect();
  await producer.send({
    topic: mixed,
    acks: -1,
    messages: [0, 1].flatMap((partition) => Array.from({ length: 50 }, (_, i) => ({ partition, value: `v${i}` }))),
  });
  await producer.send({
    topic: compacted,
    acks: -1,
    messages: [
      { partition: 0, key: 'a', value: '1' },
      { partition: 1, key: 'b', value: '2' },
    ],
  });
  await producer.send({ topic: transactional, acks: -1, messages: [{ partition: 1, value: 'plain' }] });
  await producer.disconnect();
  const txProducer = kafka.producer({ transactionalId: `it-stats-${run}`, idempotent: true, maxInFlightRequests: 1 });
  await txProducer.connect();
  const tx = await txProducer.transaction();
  await tx.send({
    topic: transactional,
    messages: [
      { partition: 0, value: 'a' },
      { partition: 0, value: 'b' },
    ],
  });
  await tx.commit();
  await txProducer.disconnect();
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [mixed, compacted, transactional] }).catch(() => {});
  await admin.disconnect();
});

describe('topic details: replication factor, sizes, estimates', () => {
  it('says 3 before and min 1 / max 3 after kafka-reassign-partitions moves one partition to a single replica', async () => {
    const before = await details(mixed);
    expect([before.minReplicationFactor, before.replicationFactor]).toEqual([3, 3]);

    const leader = parseTopicDescribe(kafkaCli('topics', '--describe', '--topic', mixed))[1].leader;
    const plan = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'it-stats-')), 'plan.json');
    fs.writeFileSync(plan, JSON.stringify({ version: 1, partitions: [{ topic: mixed, partition: 1, replicas: [leader] }] }));
    // --additional: without it the tool refuses while any other reassignment runs (files beside this one move partitions).
    kafkaCli('reassign-partitions', '--execute', '--additional', '--reassignment-json-file', plan);
    await waitFor(
      async () => (kafkaCli('reassign-partitions', '--verify', '--reassignment-json-file', plan).includes('is completed') ? true : undefined),
      30_000,
    );
    const reference = parseTopicDescribe(kafkaCli('topics', '--describe', '--topic', mixed));
    expect(reference.map((p) => p.replicas.length)).toEqual([3, 1, 3]);

    const after = await waitFor(
      async () => {
        const d = await details(mixed);
        return d.minReplicationFactor === 1 ? d : undefined;
      },
      20_000,
      500,
    );
    expect(after.value.replicationFactor).toBe(3);
    expect(after.value.partitions.map((p) => p.replicas)).toEqual(reference.map((p) => p.replicas));
    const listed = await waitFor(
      async () => {
        const { body } = await call(topicsRoute.GET, { cluster: 'local' }, { url: 'http://localhost/api' });
        const row = (body.topics as TopicSummary[]).find((t) => t.name === mixed);
        return row?.minReplicationFactor === 1 ? row : undefined;
      },
      20_000,
      500,
    );
    expect(listed.value.replicationFactor).toBe(3);
  });

  it('sizes each partition over its replicas, and the topic as their sum (the list’s number)', async () => {
    const d = await details(mixed);
    const sizes = d.partitions.map((p) => p.sizeBytes!);
    // 50 records, on 3 and on 1 replica; an empty partition takes no bytes.
    expect(sizes[0]).toBeGreaterThan(50 * 3 * 8);
    expect(sizes[1]).toBeGreaterThan(50 * 8);
    expect(sizes[1]).toBeLessThan(sizes[0]);
    expect(sizes[2]).toBe(0);
    expect(d.sizeBytes).toBe(sizes[0] + sizes[1] + sizes[2]);
    const { body } = await call(topicsRoute.GET, { cluster: 'local' }, { url: 'http://localhost/api' });
    expect((body.topics as TopicSummary[]).find((t) => t.name === mixed)?.sizeBytes).toBe(d.sizeBytes);
    expect([d.messages, d.messagesExact, d.partitions.map((p) => p.messagesExact)]).toEqual([100, true, [true, true, true]]);
  });

  it('marks every partition of a compacted topic as an estimate', async () => {
    const d = await details(compacted);
    expect(d.messagesExact).toBe(false);
    expect(d.partitions.map((p) => p.messagesExact)).toEqual([false, false]);
  });

  it('marks only the partitions holding transaction markers as estimates', async () => {
    const d = await details(transactional);
    // Partition 0: 2 records and a commit marker; partition 1: one plain record.
    expect(d.partitions.map((p) => [p.messages, p.messagesExact])).toEqual([
      [3, false],
      [1, true],
    ]);
    expect([d.messages, d.messagesExact]).toEqual([4, false]);
  });
});
