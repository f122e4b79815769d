import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as partitionsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/partitions/route';
import * as configsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/configs/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { TopicDetails, TopicSummary } from '@/lib/types/topics';
import { call } from '../support/api';
import { parseGetOffsets, parseTopicDescribe, parseTopicOverrides } from '../support/describe-parse';
import { kafkaCli } from '../support/kafka-cli';

const run = Date.now();
const topic = `it-topics-${run}`;
const compacted = `it-topics-compacted-${run}`;
const created: string[] = [];
const kafka = new Kafka({ clientId: 'topics-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });

const admin = kafka.admin();
const listTopicNames = async () => (await admin.listTopics()).sort();

async function create(body: object) {
  const result = await call(topicsRoute.POST, { cluster: 'local' }, { method: 'POST', body });
  if (result.status === 201) created.push(result.body.name);
  return result;
}

beforeAll(async () => {
  await admin.connect();
  expect((await create({ name: topic, partitions: 6, replicationFactor: 3 })).status).toBe(201);
  // Idempotent: a send retried while the new topic's leaders settle must not write twice.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  // 600 keyed messages: the default partitioner hashes keys, so partitions get different counts.
  await producer.send({ topic, acks: -1, messages: Array.from({ length: 600 }, (_, i) => ({ key: `user-${i % 37}`, value: `event ${i}` })) });
  await producer.disconnect();
});

afterAll(async () => {
  const existing = new Set(await admin.listTopics());
  await admin.deleteTopics({ topics: created.filter((t) => existing.has(t)) }).catch(() => {});
  await admin.disconnect();
});

describe('topic details against kafka-topics and kafka-get-offsets', () => {
  it('has the same leader, replicas and ISR per partition, and the same offsets', async () => {
    const { status, body } = await call(topicRoute.GET, { cluster: 'local', topic });
    expect(status).toBe(200);
    const details = body as TopicDetails;
    const reference = parseTopicDescribe(kafkaCli('topics', '--describe', '--topic', topic));
    expect(reference).toHaveLength(6);
    expect(details.partitions.map(({ partition, leader, replicas, isr }) => ({ partition, leader, replicas, isr }))).toEqual(reference);
    const latest = parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-1'));
    const earliest = parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-2'));
    for (const p of details.partitions) {
      expect(p.latestOffset).toBe(latest.get(p.partition));
      expect(p.earliestOffset).toBe(earliest.get(p.partition));
      expect(p.messages).toBe(latest.get(p.partition)! - earliest.get(p.partition)!);
    }
    expect(details.partitions.reduce((sum, p) => sum + (p.messages ?? 0), 0)).toBe(600);
  });

  it('lists every config with its source, retention.ms at Kafka’s 7-day default', async () => {
    const { body } = await call(topicRoute.GET, { cluster: 'local', topic });
    const retention = (body as TopicDetails).configs.find((c) => c.name === 'retention.ms');
    expect(retention).toMatchObject({ value: '604800000', isDefault: true, isSensitive: false });
    expect((body as TopicDetails).configs.length).toBeGreaterThan(20);
  });

  it('answers 404 for a topic that does not exist', async () => {
    const { status, body } = await call(topicRoute.GET, { cluster: 'local', topic: `missing-${run}` });
    expect(status).toBe(404);
    expect(body.error.code).toBe('TOPIC_NOT_FOUND');
  });
});

describe('topic list', () => {
  it('shows partitions, replication factor, size on disk and an exact message count', async () => {
    const { status, body } = await call(topicsRoute.GET, { cluster: 'local' }, { url: 'http://localhost/api' });
    expect(status).toBe(200);
    const row = (body.topics as TopicSummary[]).find((t) => t.name === topic);
    expect(row).toMatchObject({
      internal: false,
      partitions: 6,
      replicationFactor: 3,
      messages: 600,
      messagesExact: true,
      underReplicatedPartitions: 0,
      offlinePartitions: 0,
    });
    expect(row!.sizeBytes).toBeGreaterThan(600 * 3 * 8); // three replicas of 600 records
    expect((body.topics as TopicSummary[]).some((t) => t.internal)).toBe(false);
  });

  it('labels a compacted topic’s count as an estimate, and shows internal topics on request', async () => {
    expect((await create({ name: compacted, partitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } })).status).toBe(201);
    const { body } = await call(topicsRoute.GET, { cluster: 'local' }, { url: 'http://localhost/api?internal=true' });
    const rows = body.topics as TopicSummary[];
    expect(rows.find((t) => t.name === compacted)?.messagesExact).toBe(false);
    const internalNames = kafkaCli('topics', '--list')
      .split('\n')
      .filter((n) => n.startsWith('__') && n !== '__cluster_metadata');
    for (const name of internalNames.filter((n) => ['__consumer_offsets', '__transaction_state'].includes(n))) {
      expect(rows.find((t) => t.name === name)?.internal).toBe(true);
    }
  });
});

describe('message counts that overstate', () => {
  it('labels a topic written with transactions as an estimate (markers take offsets)', async () => {
    const transactional = `it-topics-txn-${run}`;
    expect((await create({ name: transactional, partitions: 2, replicationFactor: 3 })).status).toBe(201);
    const producer = kafka.producer({ transactionalId: `it-txn-${run}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const txn = await producer.transaction();
    await txn.send({
      topic: transactional,
      messages: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
    });
    await txn.commit();
    await producer.disconnect();
    const { body } = await call(topicsRoute.GET, { cluster: 'local' }, { url: 'http://localhost/api?internal=true' });
    const row = (body.topics as TopicSummary[]).find((t) => t.name === transactional)!;
    expect(row.messagesExact).toBe(false);
    expect((body.topics as TopicSummary[]).find((t) => t.name === topic)?.messagesExact).toBe(true);
  });
});

describe('creating a topic refuses bad input with a 4xx naming the problem, and creates nothing', () => {
  const valid = { name: `it-bad-${run}`, partitions: 1, replicationFactor: 1 };
  const cases: [string, object | string, number, RegExp][] = [
    ['an empty name', { ...valid, name: '' }, 400, /required/],
    ['"."', { ...valid, name: '.' }, 400, /cannot be "\."/],
    ['".."', { ...valid, name: '..' }, 400, /cannot be/],
    ['spaces', { ...valid, name: 'has spaces' }, 400, /ASCII letters/],
    ['non-ASCII', { ...valid, name: 'tópico' }, 400, /ASCII letters/],
    ['250 characters', { ...valid, name: 'x'.repeat(250) }, 400, /at most 249/],
    ['a slash', { ...valid, name: 'a/b' }, 400, /ASCII letters/],
    ['partitions 0', { ...valid, partitions: 0 }, 400, /Partitions must be at least 1/],
    ['partitions -1', { ...valid, partitions: -1 }, 400, /Partitions must be at least 1/],
    ['partitions 1.5', { ...valid, partitions: 1.5 }, 400, /whole number/],
    ['partitions as text', { ...valid, partitions: 'six' }, 400, /Partitions must be a number/],
    ['partitions missing', { name: valid.name, replicationFactor: 1 }, 400, /Partitions is required/],
    ['replication factor 0', { ...valid, replicationFactor: 0 }, 400, /at least 1/],
    ['replication factor above the brokers', { ...valid, replicationFactor: 4 }, 400, /more than the 3 live broker/],
    ['a non-numeric retention.ms', { ...valid, configs: { 'retention.ms': 'forever' } }, 400, /retention.ms must be a whole number/],
    ['an unknown config key', { ...valid, configs: { 'retention.forever': 'yes' } }, 400, /retention.forever/],
    ['malformed JSON', '{"name": "x", partitions: }', 400, /not valid JSON/],
  ];

  it.each(cases)('%s', async (_label, body, status, message) => {
    // Only the name asked for could have been created: the rest of the cluster's list moves with the
    // test files that run beside this one.
    const asked = typeof body === 'string' ? 'x' : String((body as { name?: unknown }).name ?? valid.name);
    expect(await listTopicNames()).not.toContain(asked);
    const result = typeof body === 'string' ? await call(topicsRoute.POST, { cluster: 'local' }, { method: 'POST', rawBody: body }) : await create(body);
    expect(result.status).toBe(status);
    expect(result.body.error.message).toMatch(message);
    expect(await listTopicNames()).not.toContain(asked);
  });

  it('an existing name answers 409', async () => {
    const result = await create({ name: topic, partitions: 1, replicationFactor: 1 });
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('TOPIC_EXISTS');
  });
});

const withoutKey = (record: Record<string, string>, key: string) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

describe('changing a topic', () => {
  const edited = `it-topics-edit-${run}`;

  it('edits one config and keeps every other override (checked with kafka-topics --describe)', async () => {
    const configs = { 'retention.ms': '3600000', 'cleanup.policy': 'compact,delete', 'max.message.bytes': '2097152' };
    expect((await create({ name: edited, partitions: 2, replicationFactor: 2, configs })).status).toBe(201);
    // Kafka may add overrides of its own at creation (4.x sets min.insync.replicas): compare with what is there.
    const baseline = parseTopicOverrides(kafkaCli('topics', '--describe', '--topic', edited));
    expect(baseline).toMatchObject(configs);

    const patched = await call(configsRoute.PATCH, { cluster: 'local', topic: edited }, { method: 'PATCH', body: { configs: { 'retention.ms': '86400000' } } });
    expect(patched.status).toBe(200);
    expect(parseTopicOverrides(kafkaCli('topics', '--describe', '--topic', edited))).toEqual({ ...baseline, 'retention.ms': '86400000' });

    const reset = await call(configsRoute.PATCH, { cluster: 'local', topic: edited }, { method: 'PATCH', body: { configs: { 'max.message.bytes': null } } });
    expect(reset.status).toBe(200);
    expect(parseTopicOverrides(kafkaCli('topics', '--describe', '--topic', edited))).toEqual({
      ...withoutKey(baseline, 'max.message.bytes'),
      'retention.ms': '86400000',
    });
  });

  it('refuses a bad config value and changes nothing', async () => {
    const before = parseTopicOverrides(kafkaCli('topics', '--describe', '--topic', edited));
    const bad = await call(
      configsRoute.PATCH,
      { cluster: 'local', topic: edited },
      { method: 'PATCH', body: { configs: { 'retention.ms': '1h', 'cleanup.policy': 'delete' } } },
    );
    expect(bad.status).toBe(400);
    const unknown = await call(
      configsRoute.PATCH,
      { cluster: 'local', topic: edited },
      { method: 'PATCH', body: { configs: { 'no.such.config': '1', 'cleanup.policy': 'delete' } } },
    );
    expect(unknown.status).toBe(400);
    expect(parseTopicOverrides(kafkaCli('topics', '--describe', '--topic', edited))).toEqual(before);
  });

  it('adds partitions upward only', async () => {
    const grown = await call(partitionsRoute.POST, { cluster: 'local', topic: edited }, { method: 'POST', body: { count: 4 } });
    expect(grown.status).toBe(200);
    expect(parseTopicDescribe(kafkaCli('topics', '--describe', '--topic', edited))).toHaveLength(4);
    const shrink = await call(partitionsRoute.POST, { cluster: 'local', topic: edited }, { method: 'POST', body: { count: 3 } });
    expect(shrink.status).toBe(400);
    expect(shrink.body.error.message).toMatch(/already has 4 partitions/);
  });

  it('deletes a topic, and refuses to delete an internal one', async () => {
    const deleted = await call(topicRoute.DELETE, { cluster: 'local', topic: edited }, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(kafkaCli('topics', '--list').split('\n')).not.toContain(edited);
    const missing = await call(topicRoute.DELETE, { cluster: 'local', topic: edited }, { method: 'DELETE' });
    expect(missing.status).toBe(404);
    if ((await listTopicNames()).includes('__consumer_offsets')) {
      const internal = await call(topicRoute.DELETE, { cluster: 'local', topic: '__consumer_offsets' }, { method: 'DELETE' });
      expect(internal.status).toBe(403);
      expect(internal.body.error.code).toBe('INTERNAL_TOPIC');
    }
  });
});
