import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as planRoute from '@/app/api/clusters/[cluster]/reassignments/plan/route';
import * as reassignmentsRoute from '@/app/api/clusters/[cluster]/reassignments/route';
import { hashPassword } from '@/lib/auth/password';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { ReassignmentList, ReassignmentPlan } from '@/lib/types/reassignments';
import { call } from '../support/api';
import { parseTopicDescribe } from '../support/describe-parse';
import { kafkaCli, waitFor } from '../support/kafka-cli';

const run = Date.now();
const crowded = `it-reassign-${run}`;
const slow = `it-reassign-slow-${run}`;
const kafka = new Kafka({ clientId: 'reassignments-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const cluster = { cluster: 'local' };

const describeTopic = (topic: string) => parseTopicDescribe(kafkaCli('topics', '--describe', '--topic', topic));
const replicasOf = (topic: string) => describeTopic(topic).map((p) => p.replicas);
const plan = (body: object) => call(planRoute.POST, cluster, { method: 'POST', body });
const execute = (body: object) => call(reassignmentsRoute.POST, cluster, { method: 'POST', body });
const cancel = (body: object) => call(reassignmentsRoute.DELETE, cluster, { method: 'DELETE', body });
const list = async () => (await call(reassignmentsRoute.GET, cluster)).body as ReassignmentList;
const describeConfigs = (type: 'brokers' | 'topics', name: string) => kafkaCli('configs', '--describe', '--entity-type', type, '--entity-name', name);
/** Every broker's dynamic configs, in one run of the tool (each run costs seconds). */
const brokerConfigs = () => kafkaCli('configs', '--describe', '--entity-type', 'brokers');

/** The plan file kafka-reassign-partitions reads (--verify, --cancel). */
function planFile(partitions: { topic: string; partition: number; replicas: number[] }[]) {
  const file = path.join(os.tmpdir(), `reassign-${run}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify({ version: 1, partitions }));
  return file;
}

async function produce(topic: string, count: number) {
  const producer = kafka.producer();
  await producer.connect();
  const value = 'x'.repeat(1000);
  for (const partition of [0, 1, 2]) {
    // Batches of 500 kB: a broker refuses messages over 1 MB.
    for (let from = 0; from < count; from += 500) {
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: Math.min(500, count - from) }, (_, i) => ({ partition, value: `${from + i} ${value}` })),
      });
    }
  }
  await producer.disconnect();
}

beforeAll(async () => {
  await admin.connect();
  // Every partition on broker 0, one replica each: the layout the planner must spread.
  for (const topic of [crowded, slow]) kafkaCli('topics', '--create', '--topic', topic, '--replica-assignment', '0,0,0');
  await produce(crowded, 200);
  await produce(slow, 2000);
}, 120_000);

afterAll(async () => {
  // Never leave a move or its throttle behind, whatever failed above.
  const moving = (await list()).reassignments.filter((r) => r.topic === crowded || r.topic === slow);
  if (moving.length > 0) await cancel({ partitions: moving.map(({ topic, partition }) => ({ topic, partition })) });
  await list();
  await admin.deleteTopics({ topics: [crowded, slow] }).catch(() => {});
  await admin.disconnect();
}, 120_000);

describe('planning a topic crowded on one broker', () => {
  it('proposes one replica per broker, moving two partitions and their bytes, and changes nothing', { timeout: 120_000 }, async () => {
    const { status, body } = await plan({ topics: [crowded], brokers: [0, 1, 2] });
    expect(status).toBe(200);
    const result = body as ReassignmentPlan;
    expect(result.partitions.map((p) => p.current)).toEqual(replicasOf(crowded));
    expect(result.partitions.map((p) => p.proposed[0]).sort()).toEqual([0, 1, 2]);
    expect(result.moves).toBe(2);
    const sizes = await waitFor(async () => {
      const topic = await call((await import('@/app/api/clusters/[cluster]/topics/[topic]/route')).GET, { cluster: 'local', topic: crowded });
      return (topic.body as { partitions: { partition: number; sizeBytes: number | null }[] }).partitions;
    }, 10_000);
    const moved = result.partitions.filter((p) => !p.proposed.includes(0)).map((p) => sizes.value.find((s) => s.partition === p.partition)!.sizeBytes!);
    expect(moved.every((bytes) => bytes > 200 * 1000)).toBe(true);
    expect(result.bytesToMove).toBe(moved.reduce((a, b) => a + b, 0));
    expect(replicasOf(crowded)).toEqual([[0], [0], [0]]);
  });

  it('refuses bad input with 400 and changes nothing', { timeout: 120_000 }, async () => {
    expect((await plan({ topics: [crowded], brokers: [0, 99] })).body.error.code).toBe('UNKNOWN_BROKER');
    expect((await plan({ topics: [crowded], brokers: [0, 0] })).status).toBe(400);
    expect((await plan({ topics: [], brokers: [0] })).status).toBe(400);
    const tooMany = await plan({ topics: [crowded], brokers: [0, 1], replicationFactor: 3 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('INVALID_PLAN');
    expect((await plan({ topics: [`missing-${run}`], brokers: [0] })).status).toBe(404);

    const refused = [
      { partitions: [] },
      { partitions: [{ topic: crowded, partition: 0, replicas: [1, 1] }] },
      { partitions: [{ topic: crowded, partition: 0, replicas: [99] }] },
      { partitions: [{ topic: crowded, partition: 0, replicas: [] }] },
      { partitions: [{ topic: crowded, partition: 7, replicas: [1] }] },
      // Two partitions of one topic given different replication factors.
      {
        partitions: [
          { topic: crowded, partition: 0, replicas: [1] },
          { topic: crowded, partition: 1, replicas: [1, 2] },
        ],
      },
      { partitions: [{ topic: crowded, partition: 0, replicas: [1] }], throttleBytesPerSec: 0 },
    ];
    for (const body of refused) {
      const answer = await execute(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toBeTruthy();
    }
    expect((await cancel({ partitions: [] })).status).toBe(400);
    expect((await cancel({ partitions: [{ topic: crowded, partition: 0 }] })).status).toBe(409);
    expect(replicasOf(crowded)).toEqual([[0], [0], [0]]);
    expect((await list()).reassignments.filter((r) => r.topic === crowded)).toEqual([]);
    expect(describeConfigs('topics', crowded)).not.toMatch(/throttled/);
  });
});

describe('executing the plan, throttled', () => {
  it('moves the partitions as kafka-reassign-partitions --verify and kafka-topics --describe see it, then lifts the throttle', async () => {
    const proposal = (await plan({ topics: [crowded], brokers: [0, 1, 2] })).body as ReassignmentPlan;
    const partitions = proposal.partitions.map((p) => ({ topic: p.topic, partition: p.partition, replicas: p.proposed }));
    const started = await execute({ partitions, throttleBytesPerSec: 50_000_000 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);

    // The throttle as Kafka's tool sets it: rates on the brokers, the moving replicas on the topic.
    const moved = partitions.filter((p) => p.replicas[0] !== 0);
    const rates = brokerConfigs();
    for (const p of moved)
      expect(rates.split(/Dynamic configs for broker /).find((b) => b.startsWith(`${p.replicas[0]} `))).toMatch(
        /leader\.replication\.throttled\.rate=50000000/,
      );
    const topicConfigs = describeConfigs('topics', crowded);
    for (const p of moved) {
      expect(topicConfigs).toMatch(new RegExp(`leader\\.replication\\.throttled\\.replicas=[^ ]*\\b${p.partition}:0\\b`));
      expect(topicConfigs).toMatch(new RegExp(`follower\\.replication\\.throttled\\.replicas=[^ ]*\\b${p.partition}:${p.replicas[0]}\\b`));
    }

    await waitFor(async () => ((await list()).reassignments.some((r) => r.topic === crowded) ? undefined : true), 60_000);
    expect(describeTopic(crowded).map((p) => p.replicas)).toEqual(partitions.map((p) => p.replicas));
    const verified = kafkaCli('reassign-partitions', '--verify', '--preserve-throttles', '--reassignment-json-file', planFile(partitions));
    for (const p of partitions) expect(verified).toContain(`Reassignment of partition ${crowded}-${p.partition} is completed`);
    // The GET that saw the moves finished removed the throttle (--verify above was told to keep it).
    expect(describeConfigs('topics', crowded)).not.toMatch(/throttled/);
    expect(brokerConfigs()).not.toMatch(/replication\.throttled\.rate/);
  }, 240_000);
});

describe('a move in progress', () => {
  it('lists it as kafka-reassign-partitions --list does, with copy progress, and cancels it', async () => {
    // 1 byte/s: the copy of ~2 MB cannot finish while the test looks at it.
    const partitions = [
      { topic: slow, partition: 0, replicas: [1] },
      { topic: slow, partition: 1, replicas: [2] },
    ];
    const started = await execute({ partitions, throttleBytesPerSec: 1 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const listed = (await list()).reassignments.filter((r) => r.topic === slow);
    const cli = kafkaCli('reassign-partitions', '--list');
    expect(listed.map(({ partition, replicas, adding, removing }) => ({ partition, replicas, adding, removing }))).toEqual([
      { partition: 0, replicas: [1, 0], adding: [1], removing: [0] },
      { partition: 1, replicas: [2, 0], adding: [2], removing: [0] },
    ]);
    for (const r of listed) {
      const line = cli.split('\n').find((l) => l.startsWith(`${slow}-${r.partition}:`))!;
      expect(line).toContain(`replicas: ${r.replicas.join(',')}.`);
      expect(line).toContain(`adding: ${r.adding.join(',')}.`);
      if (r.removing.length > 0) expect(line).toContain(`removing: ${r.removing.join(',')}.`);
      expect(r.sizeBytes).toBeGreaterThan(2000 * 1000);
      expect(r.copied[0].bytes).toBeLessThan(r.sizeBytes!);
    }
    expect((await list()).throttleBytesPerSec).toBe(1);

    const cancelled = await cancel({ partitions: partitions.map(({ topic, partition }) => ({ topic, partition })) });
    expect(cancelled.status).toBe(200);
    await waitFor(async () => ((await list()).reassignments.some((r) => r.topic === slow) ? undefined : true), 30_000);
    expect(kafkaCli('reassign-partitions', '--list')).not.toContain(slow);
    expect(replicasOf(slow)).toEqual([[0], [0], [0]]);
    expect(describeConfigs('topics', slow)).not.toMatch(/throttled/);
    expect(brokerConfigs()).not.toMatch(/replication\.throttled\.rate/);
  }, 240_000);
});

describe('who may reassign', () => {
  it('refuses execute and cancel when READ_ONLY, and still plans and lists', async () => {
    vi.stubEnv('READ_ONLY', 'true');
    try {
      const started = await execute({ partitions: [{ topic: crowded, partition: 0, replicas: [2] }] });
      expect(started.status).toBe(403);
      expect(started.body.error.code).toBe('READ_ONLY');
      expect((await cancel({ partitions: [{ topic: crowded, partition: 0 }] })).status).toBe(403);
      expect((await plan({ topics: [crowded], brokers: [0, 1, 2] })).status).toBe(200);
      expect((await call(reassignmentsRoute.GET, cluster)).status).toBe(200);
    } finally {
      vi.stubEnv('READ_ONLY', '');
    }
    expect((await list()).reassignments.filter((r) => r.topic === crowded)).toEqual([]);
  });

  it("refuses a viewer's execute and cancel with 403", async () => {
    vi.stubEnv('AUTH_USERS', JSON.stringify([{ username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') }]));
    try {
      const login = (await import('@/app/api/auth/login/route')).POST as (request: Request) => Promise<Response>;
      const { proxy } = await import('@/proxy');
      const { CLIENT_ADDRESS_HEADER } = await import('@/server/client-address.mjs');
      const loggedIn = await login(
        new Request('http://localhost/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username: 'viewer', password: 'viewer-pw' }),
          headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: `reassign-${run}` },
        }),
      );
      const cookie = loggedIn.headers.get('set-cookie')!.split(';')[0];
      for (const method of ['POST', 'DELETE']) {
        const refused = await proxy(new NextRequest('http://localhost/api/clusters/local/reassignments', { method, headers: { cookie } }));
        expect(refused.status).toBe(403);
        expect((await refused.json()).error.code).toBe('FORBIDDEN');
      }
    } finally {
      vi.stubEnv('AUTH_USERS', '');
    }
  });
});
