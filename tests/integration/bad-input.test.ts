import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as partitionsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/partitions/route';
import * as configsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/configs/route';
import * as messagesRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as groupRoute from '@/app/api/clusters/[cluster]/groups/[group]/route';
import * as offsetsRoute from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import * as brokerRoute from '@/app/api/clusters/[cluster]/brokers/[broker]/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { isDashboardInternal } from '../support/dashboard-internal';
import { createTopicsWithLeaders } from '../support/topics';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const topic = `it-bad-input-${Date.now()}`;
const kafka = new Kafka({ clientId: 'bad-input-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

const send = (handler: unknown, params: Record<string, string>, method: string, body?: string, contentType = 'application/json') =>
  (handler as Handler)(new Request('http://localhost/api', { method, body, headers: body === undefined ? {} : { 'content-type': contentType } }), {
    params: Promise.resolve(params),
  });

/**
 * What must not change whatever is sent: topics, groups, and the offsets of our topic. Kafka's own
 * internal topics are left out: a broker creates __consumer_offsets itself the first time anyone
 * asks where a group's coordinator is (as on a fresh Kafka 3.9 cluster). So is the dashboard's own
 * sampler election group, which any dashboard on the cluster may join or leave meanwhile.
 */
async function clusterState() {
  return {
    topics: (await admin.listTopics()).filter((name) => !name.startsWith('__')).sort(),
    groups: (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => !isDashboardInternal(g))
      .sort(),
    // kafkajs rather than kafka-get-offsets: a JVM start per look made this file take 70 s.
    offsets: (await admin.fetchTopicOffsets(topic)).map((p) => `${p.partition}:${p.low}-${p.high}`).sort(),
  };
}

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

const t = { cluster: 'local', topic };
const g = { cluster: 'local', group: `no-such-group-${Date.now()}` };
const big = JSON.stringify({ messages: [{ value: 'x'.repeat(2 * 1024 * 1024) }] });

const cases: [string, unknown, Record<string, string>, string, string | undefined, number, string?][] = [
  ['malformed JSON to create', topicsRoute.POST, { cluster: 'local' }, 'POST', '{"name":', 400],
  ['a JSON array to create', topicsRoute.POST, { cluster: 'local' }, 'POST', '[1,2]', 400],
  ['a number as the name', topicsRoute.POST, { cluster: 'local' }, 'POST', '{"name":42,"partitions":1,"replicationFactor":1}', 400],
  ['a form post instead of JSON', topicsRoute.POST, { cluster: 'local' }, 'POST', 'name=x', 415, 'application/x-www-form-urlencoded'],
  ['an oversized body', messagesRoute.POST, t, 'POST', big, 413],
  ['partitions as a string', partitionsRoute.POST, t, 'POST', '{"count":"10"}', 400],
  ['configs as a list', configsRoute.PATCH, t, 'PATCH', '{"configs":["retention.ms"]}', 400],
  ['an empty config change', configsRoute.PATCH, t, 'PATCH', '{"configs":{}}', 400],
  ['a message value as an object', messagesRoute.POST, t, 'POST', '{"messages":[{"value":{"a":1}}]}', 400],
  ['a negative partition', messagesRoute.POST, t, 'POST', '{"messages":[{"value":"x","partition":-1}]}', 400],
  ['a reset without a topic', offsetsRoute.POST, g, 'POST', '{"to":"earliest"}', 400],
  ['a reset of an unknown group', offsetsRoute.POST, g, 'POST', `{"topic":"${topic}","to":"earliest"}`, 404],
  ['deleting an unknown group', groupRoute.DELETE, g, 'DELETE', undefined, 404],
  ['an unknown cluster', topicsRoute.POST, { cluster: 'nope' }, 'POST', '{"name":"x","partitions":1,"replicationFactor":1}', 404],
  ['an unknown topic', topicRoute.DELETE, { cluster: 'local', topic: `missing-${Date.now()}` }, 'DELETE', undefined, 404],
  ['a topic name with a slash', topicRoute.DELETE, { cluster: 'local', topic: 'a/b' }, 'DELETE', undefined, 400],
  ['a 5,000-character topic name', topicRoute.GET, { cluster: 'local', topic: 'x'.repeat(5000) }, 'GET', undefined, 400],
  ['".." as a topic', topicRoute.DELETE, { cluster: 'local', topic: '..' }, 'DELETE', undefined, 400],
  ['a broker id that is not a number', brokerRoute.GET, { cluster: 'local', broker: '../0' }, 'GET', undefined, 400],
];

describe('bad input: always a 4xx JSON error naming the problem, never a 5xx or a stack, nothing changed', () => {
  it.each(cases)('%s', async (_label, handler, params, method, body, status, contentType) => {
    const before = await clusterState();
    const response = await send(handler, params, method, body, contentType);
    expect(response.status).toBe(status);
    const json = await response.json();
    expect(typeof json.error.code).toBe('string');
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(json)).not.toMatch(/\s+at\s+\S+\s+\(|node_modules/);
    expect(await clusterState()).toEqual(before);
  });
});

describe('requests for clusters that do not exist leave nothing behind', () => {
  it('no lag sampler is started for a cluster name taken from a request', async () => {
    const groupsRoute = await import('@/app/api/clusters/[cluster]/groups/route');
    const samplers = () => (globalThis as { __lagSamplers?: Map<string, unknown> }).__lagSamplers ?? new Map();
    const before = samplers().size;
    for (let i = 0; i < 50; i++) {
      const response = await send(groupsRoute.GET, { cluster: `made-up-${i}` }, 'GET');
      expect(response.status).toBe(404);
    }
    expect(samplers().size).toBe(before);
  });
});
