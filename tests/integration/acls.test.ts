// ACLs through the API against the real cluster (StandardAuthorizer), checked with `kafka-acls --list`.
// Every ACL made here names this run's principals, and afterAll removes them all, whatever failed.
import { Kafka, logLevel } from 'kafkajs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as aclsRoute from '@/app/api/clusters/[cluster]/acls/route';
import { hashPassword } from '@/lib/auth/password';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { AclBinding, AclDeleteResult, AclList } from '@/lib/types/acls';
import { listAclsWithCli, sortedBindings } from '../support/acls-cli';
import { call } from '../support/api';
import { kafkaCli } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const run = Date.now();
const topic = `it-acls-${run}`;
const group = `it-acls-group-${run}`;
const alice = `User:it-alice-${run}`;
const bobName = `it-bob-${run}`;
const bob = `User:${bobName}`;
const BOB_PASSWORD = `bob-secret-${run}`;
const SASL_BROKERS = ['127.0.0.1:19192', '127.0.0.1:19193', '127.0.0.1:19194'];
const kafka = new Kafka({ clientId: 'acls-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

const url = (query = '') => `http://localhost/api/clusters/local/acls${query}`;
const list = async (query: string) => {
  const result = await call(aclsRoute.GET, { cluster: 'local' }, { url: url(query) });
  expect(result.status).toBe(200);
  return result.body as AclList;
};
const create = (body: unknown) => call(aclsRoute.POST, { cluster: 'local' }, { method: 'POST', body, url: url() });
const remove = (body: unknown, query = '') => call(aclsRoute.DELETE, { cluster: 'local' }, { method: 'DELETE', body, url: url(query) });
const ofAlice = () => listAclsWithCli('--principal', alice);

const binding = (over: Partial<AclBinding>) => ({
  resourceType: 'TOPIC',
  resourceName: topic,
  patternType: 'LITERAL',
  principal: alice,
  host: '*',
  operation: 'READ',
  permission: 'ALLOW',
  ...over,
});
const aliceBindings = [
  binding({}),
  binding({ operation: 'WRITE', permission: 'DENY', host: '10.1.2.3' }),
  binding({ resourceName: 'it-acls-', patternType: 'PREFIXED', operation: 'DESCRIBE' }),
  binding({ resourceType: 'GROUP', resourceName: group, operation: 'READ' }),
];

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
});

afterAll(async () => {
  // Removes every ACL of this run's principals, on any resource, even after a failed test.
  for (const principal of [alice, bob]) {
    await admin.deleteAcls({ filters: [{ resourceType: 1, resourcePatternType: 1, principal, operation: 1, permissionType: 1 }] }).catch(() => undefined);
  }
  expect([...listAclsWithCli('--principal', alice), ...listAclsWithCli('--principal', bob)]).toEqual([]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  // Bob's consumers commit under groups of their own: nothing of this run stays in the cluster.
  const bobGroups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(`${group}-bob-`));
  if (bobGroups.length) await admin.deleteGroups(bobGroups).catch(() => undefined);
  await admin.disconnect();
});

describe('ACLs', () => {
  it('creates bindings that kafka-acls lists, and lists them as kafka-acls does', async () => {
    const one = await create(aliceBindings[0]);
    expect(one.status).toBe(201);
    const many = await create({ acls: aliceBindings.slice(1) });
    expect(many.status).toBe(201);
    expect(sortedBindings(ofAlice())).toEqual(sortedBindings(aliceBindings));
    const listed = await list(`?principal=${encodeURIComponent(alice)}`);
    expect(listed.authorizer).toBe(true);
    expect(sortedBindings(listed.acls)).toEqual(sortedBindings(aliceBindings));
  });

  it('lists what applies to a topic: literal and prefixed matches, not other resources', async () => {
    const applying = await list(`?resourceType=TOPIC&resourceName=${topic}&patternType=MATCH&principal=${encodeURIComponent(alice)}`);
    expect(sortedBindings(applying.acls)).toEqual(sortedBindings(aliceBindings.slice(0, 3)));
    expect(sortedBindings(listAclsWithCli('--topic', topic, '--resource-pattern-type', 'match', '--principal', alice))).toEqual(sortedBindings(applying.acls));
    const onGroup = await list(`?resourceType=GROUP&resourceName=${group}&principal=${encodeURIComponent(alice)}`);
    expect(onGroup.acls).toEqual([aliceBindings[3]]);
  });

  it('previews a delete without deleting, then deletes exactly what it previewed', async () => {
    const filter = { principal: alice, resourceType: 'TOPIC', operation: 'ANY' };
    const preview = await remove(filter, '?dryRun=true');
    expect(preview.status).toBe(200);
    expect((preview.body as AclDeleteResult).dryRun).toBe(true);
    expect((preview.body as AclDeleteResult).deleted).toBe(3);
    expect(sortedBindings(ofAlice())).toEqual(sortedBindings(aliceBindings));

    const deleted = await remove(filter);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toBe(3);
    expect(sortedBindings(deleted.body.acls)).toEqual(sortedBindings((preview.body as AclDeleteResult).acls));
    expect(ofAlice()).toEqual([aliceBindings[3]]);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = sortedBindings(ofAlice());
    const refusals: [unknown, RegExp][] = [
      [binding({ principal: 'alice' }), /Type:name/],
      [binding({ host: 'client.example.com' }), /IP address/],
      [binding({ resourceType: 'CLUSTER', resourceName: topic, operation: 'ALTER' }), /kafka-cluster/],
      [binding({ operation: 'IDEMPOTENT_WRITE' }), /does not apply to TOPIC/],
      [binding({ permission: 'MAYBE' }), /ALLOW, DENY/],
      [binding({ resourceName: 'no spaces allowed' }), /ASCII letters/],
      // One bad binding in a list: none of them is created.
      [{ acls: [binding({ operation: 'DESCRIBE' }), binding({ host: '999.1.1.1' })] }, /IP address/],
    ];
    for (const [body, message] of refusals) {
      const result = await create(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.message).toMatch(message);
    }
    const malformed = await call(aclsRoute.POST, { cluster: 'local' }, { method: 'POST', rawBody: '{"principal":', url: url() });
    expect(malformed.status).toBe(400);
    for (const filter of [{}, { resourceType: 'TOPIC' }, { principal: 'nobody' }]) {
      expect((await remove(filter)).status, JSON.stringify(filter)).toBe(400);
    }
    expect((await call(aclsRoute.GET, { cluster: 'local' }, { url: url('?operation=FLY') })).status).toBe(400);
    expect((await call(aclsRoute.GET, { cluster: 'local' }, { url: url('?user=alice') })).status).toBe(400);
    expect(sortedBindings(ofAlice())).toEqual(before);
  });

  it('refuses changes with 403 when READ_ONLY, and to a viewer, and changes nothing', async () => {
    const before = sortedBindings(ofAlice());
    vi.stubEnv('READ_ONLY', 'true');
    try {
      for (const result of [await create(binding({ operation: 'ALTER' })), await remove({ principal: alice })]) {
        expect(result.status).toBe(403);
        expect(result.body.error.code).toBe('READ_ONLY');
      }
      expect((await list(`?principal=${encodeURIComponent(alice)}`)).acls).toHaveLength(1);
    } finally {
      vi.stubEnv('READ_ONLY', '');
    }

    vi.stubEnv('AUTH_USERS', JSON.stringify([{ username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') }]));
    try {
      const { POST: login } = await import('@/app/api/auth/login/route');
      const { proxy } = await import('@/proxy');
      const session = await (login as (r: Request) => Promise<Response>)(
        new Request('http://localhost/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username: 'viewer', password: 'viewer-pw' }),
          headers: { 'content-type': 'application/json' },
        }),
      );
      const cookie = session.headers.get('set-cookie')!.split(';')[0];
      for (const method of ['POST', 'DELETE']) {
        const refused = await proxy(
          new NextRequest(url(), { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ principal: alice }) }),
        );
        expect(refused.status, method).toBe(403);
        expect((await refused.json()).error.message).toMatch(/viewer/);
      }
      const read = await proxy(new NextRequest(url(), { headers: { cookie } }));
      expect(read.headers.get('x-middleware-next')).toBe('1');
    } finally {
      vi.stubEnv('AUTH_USERS', '');
    }
    expect(sortedBindings(ofAlice())).toEqual(before);
  });
});

type KafkaJsError = { type?: string; message: string; cause?: KafkaJsError; originalError?: KafkaJsError };
/** The broker's error type inside kafkajs's retry wrappers, else the message. */
const errorType = (e: KafkaJsError | undefined): string | undefined => e && (e.type ?? errorType(e.cause ?? e.originalError) ?? e.message);

/**
 * Reads as bob until the outcome is `expected`, for at most 20 s. An ACL change reaches each broker through the
 * metadata log on its own time: right after the delete answered, the broker bob reads from may still apply the DENY.
 */
async function readAsBobUntil(expected: { value?: string; error?: string }) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const outcome = await readAsBob();
    if (JSON.stringify(outcome) === JSON.stringify(expected) || Date.now() > deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Reads the topic as the SCRAM user bob over SASL: the first message's value, or the error that stopped it. */
async function readAsBob(): Promise<{ value?: string; error?: string }> {
  const bobKafka = new Kafka({
    clientId: 'acls-test-bob',
    brokers: SASL_BROKERS,
    logLevel: logLevel.NOTHING,
    sasl: { mechanism: 'scram-sha-256', username: bobName, password: BOB_PASSWORD },
    retry: { retries: 1 },
  });
  const consumer = bobKafka.consumer({ groupId: `${group}-bob-${Date.now()}`, retry: { retries: 0, restartOnFailure: async () => false } });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ error: 'nothing read within 20 s' }), 20_000);
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        clearTimeout(timer);
        resolve({ error: errorType(payload.error as KafkaJsError) });
      });
      consumer
        .connect()
        .then(() => consumer.subscribe({ topic, fromBeginning: true }))
        .then(() =>
          consumer.run({
            eachMessage: async ({ message }) => {
              clearTimeout(timer);
              resolve({ value: message.value?.toString() });
            },
          }),
        )
        .catch((error: KafkaJsError) => {
          clearTimeout(timer);
          resolve({ error: errorType(error) });
        });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

describe('an ACL that denies', () => {
  beforeAll(() => {
    kafkaCli('configs', '--alter', '--add-config', `SCRAM-SHA-256=[password=${BOB_PASSWORD}]`, '--entity-type', 'users', '--entity-name', bobName);
  });
  afterAll(() => {
    kafkaCli('configs', '--alter', '--delete-config', 'SCRAM-SHA-256', '--entity-type', 'users', '--entity-name', bobName);
  });

  it('keeps the SCRAM user bob from reading the topic it denies him', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'for bob' }] });
    await producer.disconnect();
    // Bob may do anything on this topic and its groups…
    expect(
      (
        await create({
          acls: [
            binding({ principal: bob, operation: 'ALL' }),
            binding({ principal: bob, resourceType: 'GROUP', resourceName: `${group}-bob-`, patternType: 'PREFIXED', operation: 'ALL' }),
          ],
        })
      ).status,
    ).toBe(201);
    expect(await readAsBobUntil({ value: 'for bob' })).toEqual({ value: 'for bob' });
    // …except read it: DENY wins over ALLOW.
    expect((await create(binding({ principal: bob, operation: 'READ', permission: 'DENY' }))).status).toBe(201);
    expect(listAclsWithCli('--topic', topic, '--principal', bob).some((b) => b.operation === 'READ' && b.permission === 'DENY')).toBe(true);
    expect(await readAsBobUntil({ error: 'TOPIC_AUTHORIZATION_FAILED' })).toEqual({ error: 'TOPIC_AUTHORIZATION_FAILED' });
    // The dashboard deletes the DENY; bob reads again.
    const deleted = await remove({ principal: bob, resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', permission: 'DENY' });
    expect(deleted.body.deleted).toBe(1);
    expect(await readAsBobUntil({ value: 'for bob' })).toEqual({ value: 'for bob' });
  });
});
