import { execFileSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as configsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/configs/route';
import * as partitionsRoute from '@/app/api/clusters/[cluster]/topics/[topic]/partitions/route';
import * as consumersRoute from '@/app/api/clusters/[cluster]/topics/[topic]/consumers/route';
import * as produceRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import * as groupsRoute from '@/app/api/clusters/[cluster]/groups/route';
import * as groupRoute from '@/app/api/clusters/[cluster]/groups/[group]/route';
import * as offsetsRoute from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { GroupDetails, GroupList, TopicConsumer } from '@/lib/types/groups';
import type { TopicDetails, TopicSummary } from '@/lib/types/topics';
import { call } from '../support/api';
import { listGroupsWithCli, resetDryRunWithCli } from '../support/consumer-groups-cli';
import { parseTopicDescribe, parseTopicOverrides } from '../support/describe-parse';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { readSse } from '../support/sse';

// Names are data: a topic or group may be called after any member of Object.prototype (all legal
// in Kafka). Producing to a topic called "__proto__" once wrote kafkajs's sequence numbers onto
// Object.prototype, after which producing to any topic and tailing failed until a restart.
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
/** Kafka's CLI takes --topic as a regular expression matched against whole names. */
const ANY_NAME = NAMES.join('|');
const ordinary = `it-names-ordinary-${Date.now()}`;
const local = (extra: Record<string, string> = {}) => ({ cluster: 'local', ...extra });
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tail = async (topic: string) =>
  readSse(await (streamRoute.GET as Handler)(new Request('http://localhost/api?from=earliest&live=false'), { params: Promise.resolve(local({ topic })) }));
const kcat = (...args: string[]) => execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0], ...args], { encoding: 'utf8' });
// kafkajs's admin only lists topics here: quicker than a JVM per check, and it keeps nothing keyed by name.
const admin = new Kafka({ clientId: 'prototype-names-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();
const topicNames = async () => new Set(await admin.listTopics());
/** Numbered properties on Object.prototype or on built-ins named like these topics: where kafkajs kept its sequences. */
const strayProperties = () =>
  [Object.prototype, Object, ...NAMES.filter((n) => n !== '__proto__').map((n) => (Object.prototype as unknown as Record<string, object>)[n])].flatMap(
    (target) => Object.getOwnPropertyNames(target).filter((key) => /^\d+$/.test(key)),
  );

/** Leftovers of an earlier run: nothing else on the local cluster uses these names. */
function removeLeftovers() {
  kafkaCli('topics', '--delete', '--if-exists', '--topic', `${ANY_NAME}|${ordinary}|${ordinary}-cfg`);
  const groups = listGroupsWithCli().filter((g) => NAMES.includes(g));
  if (groups.length) kafkaCli('consumer-groups', '--delete', ...groups.flatMap((g) => ['--group', g]));
}

/** `kafka-topics --describe` of every topic named here, split per topic. */
function describeWithCli(): Map<string, string> {
  const chunks = new Map<string, string>();
  for (const line of kafkaCli('topics', '--describe', '--topic', ANY_NAME).split('\n')) {
    const topic = line.match(/^\s*Topic: (\S+)/)?.[1];
    if (topic) chunks.set(topic, `${chunks.get(topic) ?? ''}${line}\n`);
  }
  return chunks;
}

beforeAll(async () => {
  await admin.connect();
  removeLeftovers();
  await waitUntilGone();
  expect((await call(topicsRoute.POST, local(), { method: 'POST', body: { name: ordinary, partitions: 2, replicationFactor: 1 } })).status).toBe(201);
});

afterAll(async () => {
  removeLeftovers();
  await admin.disconnect();
});

async function waitUntilGone() {
  for (let i = 0; i < 50; i++) {
    const names = await topicNames();
    if (!NAMES.some((n) => names.has(n))) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('topics and groups named like members of Object.prototype', () => {
  it('are created, listed and described as kafka-topics describes them', async () => {
    for (const name of NAMES) {
      const created = await call(topicsRoute.POST, local(), { method: 'POST', body: { name, partitions: 2, replicationFactor: 1 } });
      expect(created, name).toMatchObject({ status: 201, body: { name } });
    }
    const listed = (await call(topicsRoute.GET, local())).body.topics as TopicSummary[];
    for (const name of NAMES)
      expect(
        listed.find((t) => t.name === name),
        name,
      ).toMatchObject({ partitions: 2, replicationFactor: 1, messages: 0 });
    const reference = describeWithCli();
    for (const name of NAMES) {
      const { status, body } = await call(topicRoute.GET, local({ topic: name }));
      expect(status, name).toBe(200);
      const details = body as TopicDetails;
      expect(details.name).toBe(name);
      expect(details.partitions.map(({ partition, leader, replicas, isr }) => ({ partition, leader, replicas, isr }))).toEqual(
        parseTopicDescribe(reference.get(name)!),
      );
    }
  });

  it('take messages with their names as header keys, and every other topic still does afterwards', async () => {
    for (const name of NAMES) {
      // Headers as an object keyed by the name (Object.fromEntries makes "__proto__" an own key).
      const messages = [0, 1].map((partition) => ({ key: name, value: `${name} ${partition}`, headers: Object.fromEntries([[name, 'named']]), partition }));
      const produced = await call(produceRoute.POST, local({ topic: name }), { method: 'POST', rawBody: JSON.stringify({ messages }) });
      expect(produced, name).toMatchObject({
        status: 200,
        body: {
          written: 2,
          offsets: [
            { partition: 0, offset: 0 },
            { partition: 1, offset: 0 },
          ],
        },
      });
    }
    const after = await call(produceRoute.POST, local({ topic: ordinary }), {
      method: 'POST',
      body: { messages: [{ key: 'k', value: 'ordinary', partition: 0 }] },
    });
    expect(after).toMatchObject({ status: 200, body: { written: 1, offsets: [{ partition: 0, offset: 0 }] } });
    expect(strayProperties()).toEqual([]);
    for (const name of NAMES) {
      const lines = kcat('-C', '-t', name, '-e', '-q', '-f', '%p|%o|%k|%s|%h\n').trim().split('\n').sort();
      expect(lines).toEqual([`0|0|${name}|${name} 0|${name}=named`, `1|0|${name}|${name} 1|${name}=named`]);
    }
  });

  it('are tailed, and so is every other topic', async () => {
    for (const name of NAMES) {
      const { messages, events } = await tail(name);
      expect(events.at(-1)?.event, name).toBe('done');
      expect(messages.map((m) => [m.partition, m.offset, m.key, m.value, m.headers]).sort()).toEqual(
        [0, 1].map((p) => [p, 0, name, `${name} ${p}`, [{ key: name, value: 'named', encoding: 'utf8' }]]),
      );
    }
    const { messages } = await tail(ordinary);
    expect(messages.map((m) => m.value)).toEqual(['ordinary']);
  });

  it('have a config changed and read back as kafka-topics shows it', async () => {
    for (const [i, name] of NAMES.entries()) {
      const changed = await call(configsRoute.PATCH, local({ topic: name }), { method: 'PATCH', body: { configs: { 'retention.ms': String(3_600_000 + i) } } });
      expect(changed.status, name).toBe(200);
    }
    // Brokers apply a config change a moment apart; the topic page asks any of them.
    const retention = async (name: string) =>
      ((await call(topicRoute.GET, local({ topic: name }))).body as TopicDetails).configs.find((c) => c.name === 'retention.ms');
    for (const [i, name] of NAMES.entries()) {
      // One read is checked whole: the next might go to a broker that has not applied it yet.
      const { value: read } = await waitFor(
        async () => {
          const config = await retention(name);
          return config?.value === String(3_600_000 + i) ? config : undefined;
        },
        10_000,
        200,
      );
      expect(read, name).toMatchObject({ isDefault: false, source: 'DYNAMIC_TOPIC_CONFIG' });
    }
    const reference = describeWithCli();
    for (const [i, name] of NAMES.entries()) expect(parseTopicOverrides(reference.get(name)!)['retention.ms'], name).toBe(String(3_600_000 + i));
  });

  it('as groups, are listed and described as kafka-consumer-groups describes them, and shown as consumers of their topics', async () => {
    const groups = NAMES.flatMap((g) => ['--group', g]);
    kafkaCli('consumer-groups', '--reset-offsets', ...groups, '--topic', ordinary, '--to-offset', '1', '--execute');
    kafkaCli('consumer-groups', '--reset-offsets', '--group', 'constructor', '--topic', '__proto__', '--to-offset', '1', '--execute');
    const cli = kafkaCli('consumer-groups', '--describe', ...groups)
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => NAMES.includes(c[0]) && c.length >= 6);
    const listed = (await call(groupsRoute.GET, local())).body as GroupList;
    for (const name of NAMES) {
      const summary = listed.groups.find((g) => g.groupId === name);
      expect(summary, name).toMatchObject({ state: 'Empty', members: 0 });
      expect(summary!.topics.sort()).toEqual(name === 'constructor' ? ['__proto__', ordinary].sort() : [ordinary]);
      const { status, body } = await call(groupRoute.GET, local({ group: name }));
      expect(status, name).toBe(200);
      const detail = body as GroupDetails;
      expect(detail.groupId).toBe(name);
      const ours = detail.offsets.map((o) => [o.topic, o.partition, o.committedOffset, o.logEndOffset, o.lag].join(' ')).sort();
      const theirs = cli
        .filter((c) => c[0] === name)
        .map(([, topic, partition, current, logEnd, lag]) => [topic, partition, current, logEnd, lag].join(' '))
        .sort();
      expect(ours, name).toEqual(theirs);
    }
    const readers = (await call(consumersRoute.GET, local({ topic: ordinary }))).body.consumers as TopicConsumer[];
    expect(readers.map((c) => c.groupId).sort()).toEqual([...NAMES].sort());
    const protoReaders = (await call(consumersRoute.GET, local({ topic: '__proto__' }))).body.consumers as TopicConsumer[];
    expect(protoReaders.map((c) => [c.groupId, c.partitions, c.lag])).toEqual([['constructor', 2, 0]]); // one message per partition, committed past it
  });

  it('as groups, have offsets reset (dry run) as kafka-consumer-groups would, and are deleted', async () => {
    for (const name of NAMES) {
      const preview = await call(offsetsRoute.POST, local({ group: name }), { method: 'POST', body: { topic: ordinary, to: 'earliest', dryRun: true } });
      expect(preview.status, name).toBe(200);
      const expected =
        name === '__proto__' || name === 'constructor'
          ? resetDryRunWithCli(name, ordinary, '--to-earliest')
          : new Map([
              [0, 0],
              [1, 0],
            ]);
      expect(new Map(preview.body.changes.map((c: { partition: number; to: number }) => [c.partition, c.to])), name).toEqual(expected);
    }
    for (const name of NAMES) expect((await call(groupRoute.DELETE, local({ group: name }), { method: 'DELETE' })).status, name).toBe(204);
    const left = listGroupsWithCli();
    expect(NAMES.filter((n) => left.includes(n))).toEqual([]);
  });

  it('get more partitions, as kafka-topics then describes them', async () => {
    for (const name of NAMES) {
      const grown = await call(partitionsRoute.POST, local({ topic: name }), { method: 'POST', body: { count: 3 } });
      expect(grown.status, name).toBe(200);
    }
    const reference = describeWithCli();
    for (const name of NAMES)
      expect(
        parseTopicDescribe(reference.get(name)!).map((p) => p.partition),
        name,
      ).toEqual([0, 1, 2]);
  });

  it('are deleted', async () => {
    for (const name of NAMES) expect((await call(topicRoute.DELETE, local({ topic: name }), { method: 'DELETE' })).status, name).toBe(204);
    await waitUntilGone();
    const left = new Set(
      kafkaCli('topics', '--list')
        .split('\n')
        .map((l) => l.trim()),
    );
    expect(NAMES.filter((n) => left.has(n))).toEqual([]);
    expect(left.has(ordinary)).toBe(true);
  });
});

describe('configs named like members of Object.prototype', () => {
  it('are refused with a 400 naming them when a topic is created, and nothing is created', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const topic = `${ordinary}-cfg`;
      // Raw JSON: a "__proto__" key in an object literal would set the prototype instead.
      const rawBody = `{"name":"${topic}","partitions":1,"replicationFactor":1,"configs":{"${name}":"1","retention.ms":"60000"}}`;
      const { status, body } = await call(topicsRoute.POST, local(), { method: 'POST', rawBody });
      expect(status, name).toBe(400);
      expect(body.error.code).toBe('INVALID_CONFIG');
      expect(body.error.message).toContain(name);
      expect((await topicNames()).has(topic)).toBe(false);
    }
  });

  it('are refused with a 400 naming them when a config is changed, and nothing changes', async () => {
    for (const name of ['__proto__', 'constructor', 'valueOf']) {
      const rawBody = `{"configs":{"retention.ms":"60000","${name}":"1"}}`;
      const { status, body } = await call(configsRoute.PATCH, local({ topic: ordinary }), { method: 'PATCH', rawBody });
      expect(status, name).toBe(400);
      expect(body.error.message).toContain(name);
    }
    const overrides = parseTopicOverrides(kafkaCli('topics', '--describe', '--topic', ordinary));
    expect(overrides['retention.ms']).toBeUndefined();
  });
});

describe('client ids named like members of Object.prototype', () => {
  it('show as members of a group, each with its own client id', async () => {
    const group = `it-names-members-${Date.now()}`;
    const clientIds = ['__proto__', 'constructor', 'toString'];
    const consumers = clientIds.map((clientId) => new Kafka({ clientId, brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).consumer({ groupId: group }));
    try {
      for (const consumer of consumers) {
        await consumer.connect();
        await consumer.subscribe({ topic: ordinary, fromBeginning: true });
      }
      await Promise.all(consumers.map((consumer) => consumer.run({ eachMessage: async () => {} })));
      const { value: details } = await waitFor(
        async () => {
          const answer = await call(groupRoute.GET, local({ group }));
          const body = answer.body as GroupDetails;
          return answer.status === 200 && body.members.length === clientIds.length ? body : undefined;
        },
        60_000,
        500,
      );
      expect(details.members.map((m) => m.clientId).sort()).toEqual([...clientIds].sort());
      for (const member of details.members) expect(member.memberId.startsWith(`${member.clientId}-`)).toBe(true);
      const owners = details.offsets.filter((o) => o.clientId !== null).map((o) => o.clientId);
      expect(owners.length).toBe(2); // the ordinary topic's two partitions, each owned by one member
      for (const owner of owners) expect(clientIds).toContain(owner);
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => {})));
      await admin.deleteGroups([group]).catch(() => {});
    }
  });
});
