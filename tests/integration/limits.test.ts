import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as partitionsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/partitions/route';
import * as configsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/configs/route';
import * as messagesRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as uploadRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/upload/route';
import * as offsetsRoute from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { parseTopicDescribe, parseTopicOverrides } from '../support/describe-parse';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const run = Date.now();
const topic = `it-limits-${run}`;
const local = { cluster: 'local' };
const kafka = new Kafka({ clientId: 'limits-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const INTERNAL = ['__consumer_offsets', '__transaction_state'];
/** A harmless override (Kafka's own default), should a regression let it through to an internal topic. */
const HARMLESS = { name: 'segment.jitter.ms', value: '0' };

/** What Kafka's own tool shows of a topic: partitions with their replicas, and its config overrides. */
const describe_ = (name: string) => {
  const output = kafkaCli('topics', '--describe', '--topic', name);
  return { partitions: parseTopicDescribe(output).map((p) => [p.partition, p.replicas]), overrides: parseTopicOverrides(output) };
};

beforeAll(async () => {
  await admin.connect();
  // Every broker must know the topic before kafkajs asks one of them (Kafka 3.9 brokers lag behind).
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 1 }]);
  // Kafka creates its internal topics on first use: asking for a group's coordinator makes
  // __consumer_offsets, a transactional producer's first call makes __transaction_state.
  // On a fresh cluster both are still being created when first asked: ask again until they answer.
  await waitFor(
    async () => {
      await admin.fetchOffsets({ groupId: `it-limits-${run}`, topics: [topic] });
      return true;
    },
    60_000,
    500,
  );
  await waitFor(
    async () => {
      const producer = kafka.producer({ transactionalId: `it-limits-${run}`, idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      try {
        await (await producer.transaction()).abort();
      } finally {
        await producer.disconnect();
      }
      return true;
    },
    60_000,
    500,
  );
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  for (const name of INTERNAL) {
    // Only ever needed if a regression let the change through: put Kafka's internal topic back.
    if (describe_(name).overrides[HARMLESS.name])
      kafkaCli('configs', '--alter', '--entity-type', 'topics', '--entity-name', name, '--delete-config', HARMLESS.name);
  }
});

describe('limits, the same in every validator, refused before anything reaches Kafka', () => {
  // 1,000,000 is what Kafka applies only in part (10,000 new partitions) before answering an error.
  it.each([10_001, 1_000_000])('refuses growing a topic to %i partitions', async (count) => {
    const before = describe_(topic);
    const answer = await call(partitionsRoute.POST, { ...local, topic }, { method: 'POST', body: { count } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'INVALID_INPUT', message: 'Partition count must be at most 10,000' });
    expect(describe_(topic)).toEqual(before);
    expect(before.partitions).toHaveLength(3);
  });

  it('refuses creating a topic with more partitions than that', async () => {
    const name = `${topic}-big`;
    const answer = await call(topicsRoute.POST, local, { method: 'POST', body: { name, partitions: 10_001, replicationFactor: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('Partitions must be at most 10,000');
    expect(kafkaCli('topics', '--list').split('\n')).not.toContain(name);
  });

  it("refuses config values too long for Kafka's protocol, on create and on change, with a 400 naming the config", async () => {
    // 16,384 two-byte characters: 32,768 bytes, one more than an int16-length string holds.
    const long = 'é'.repeat(16_384);
    const name = `${topic}-long-config`;
    const created = await call(topicsRoute.POST, local, {
      method: 'POST',
      body: { name, partitions: 1, replicationFactor: 1, configs: { 'leader.replication.throttled.replicas': long } },
    });
    expect(created.status).toBe(400);
    expect(created.body.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'leader.replication.throttled.replicas is 32,768 bytes long; config values are at most 32,767 bytes',
    });
    expect(kafkaCli('topics', '--list').split('\n')).not.toContain(name);

    const before = describe_(topic);
    const changed = await call(
      configsRoute.PATCH,
      { ...local, topic },
      { method: 'PATCH', body: { configs: { 'leader.replication.throttled.replicas': long } } },
    );
    expect(changed.status).toBe(400);
    expect(changed.body.error.code).toBe('INVALID_INPUT');
    expect(describe_(topic)).toEqual(before);
  });

  it('refuses an offsets reset naming more partitions than a topic may have', async () => {
    const answer = await call(
      offsetsRoute.POST,
      { ...local, group: `it-limits-${run}` },
      {
        method: 'POST',
        body: { topic, to: 'earliest', partitions: Array.from({ length: 10_001 }, (_, i) => i) },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/at most 10000 partitions/);
  });
});

describe("Kafka's internal topics", () => {
  it.each(INTERNAL)('refuses every change to %s with 403 INTERNAL_TOPIC, and Kafka shows nothing changed', async (name) => {
    const before = describe_(name);
    expect(before.partitions.length).toBeGreaterThan(0);
    const t = { ...local, topic: name };
    const answers = {
      // The current count: were the refusal ever lost, Kafka would refuse this too ("can only grow"),
      // where a growing count would move every group to another coordinator partition for good.
      addPartitions: await call(partitionsRoute.POST, t, { method: 'POST', body: { count: before.partitions.length } }),
      alterConfigs: await call(configsRoute.PATCH, t, { method: 'PATCH', body: { configs: { [HARMLESS.name]: HARMLESS.value } } }),
      produce: await call(messagesRoute.POST, t, { method: 'POST', body: { messages: [{ key: 'k', value: 'v' }] } }),
      upload: await call(uploadRoute.POST, t, { method: 'POST', rawBody: 'a\nb\n', url: 'http://localhost/api/upload?partitioner=round-robin' }),
      delete: await call(topicRoute.DELETE, t, { method: 'DELETE' }),
      create: await call(topicsRoute.POST, local, { method: 'POST', body: { name, partitions: 1, replicationFactor: 1 } }),
    };
    for (const [change, answer] of Object.entries(answers)) {
      expect({ change, status: answer.status, code: answer.body?.error?.code }).toEqual({ change, status: 403, code: 'INTERNAL_TOPIC' });
      expect(answer.body.error.message).toContain(`"${name}" is one of Kafka's internal topics`);
    }
    expect(describe_(name)).toEqual(before);
  });
});
