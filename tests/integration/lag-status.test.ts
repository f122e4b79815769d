import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { GroupDetails, LagStatus } from '@/lib/types/groups';
import { kafkaCli, spawnConsoleConsumer } from '../support/kafka-cli';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

// Short windows so the rules can be watched in seconds (the defaults are minutes; see README).
vi.stubEnv('LAG_SAMPLE_INTERVAL_MS', '500');
vi.stubEnv('LAG_WINDOW_MS', '3000');
vi.stubEnv('LAG_STOPPED_AFTER_MS', '5000');
const WINDOW_MS = 3000;
const STOPPED_AFTER_MS = 5000;

const run = Date.now();
const kafka = new Kafka({ clientId: 'lag-status-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = idempotentProducer(kafka);
const topics: string[] = [];
const groups: string[] = [];
const timers: NodeJS.Timeout[] = [];
const consumers: Consumer[] = [];
const children: ChildProcess[] = [];
let getGroup: (cluster: string, group: string) => Promise<GroupDetails>;
let resetOffsets: typeof import('@/lib/kafka/group-admin').resetOffsets;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A topic and a group of its own for one scenario, removed after the file. */
async function scenario(name: string, partitions = 2) {
  const topic = `it-lag-${name}-${run}`;
  const groupId = `it-lag-${name}-${run}`;
  topics.push(topic);
  groups.push(groupId);
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: partitions, replicationFactor: 1 }]);
  return { topic, groupId };
}

/** `perTick` messages every 100 ms until the file ends (or `stop()`). */
function produce(topic: string, perTick: number) {
  const timer = setInterval(() => {
    void producer.send({ topic, messages: Array.from({ length: perTick }, (_, i) => ({ value: `m${i}` })) }).catch(() => {});
  }, 100);
  timers.push(timer);
  return { stop: () => clearInterval(timer) };
}

async function backlog(topic: string, count: number) {
  for (let sent = 0; sent < count; sent += 500) {
    await producer.send({ topic, messages: Array.from({ length: Math.min(500, count - sent) }, (_, i) => ({ value: `b${sent + i}` })) });
  }
}

/** A kafkajs consumer that waits `delayMs` after each message and commits every `commitMs`. */
async function consume(topic: string, groupId: string, { delayMs = 0, commitMs = 500 } = {}) {
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 1000, sessionTimeout: 20_000 });
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommitInterval: commitMs,
    eachMessage: async () => {
      if (delayMs) await sleep(delayMs);
    },
  });
  return consumer;
}

/**
 * Kafka's console consumer in a JVM of its own, committing every 100 ms. Commits must be frequent
 * next to the 3 s window: with one a second, a window whose first sample came right after a commit
 * and whose last right before one counted a third of the production as not consumed ("lagging"),
 * which CI's sparse samples on a loaded machine hit twice (with kafkajs in this process, then with
 * this consumer). kcat cannot be used: its -X puts auto.commit.interval.ms in the topic
 * configuration, and librdkafka commits every 5 s.
 */
function javaConsumer(topic: string, groupId: string) {
  const child = spawnConsoleConsumer(topic, groupId, ['auto.commit.interval.ms=100', 'session.timeout.ms=6000'], ['--from-beginning']);
  children.push(child);
  /** Stops it; its member may linger for the session timeout (6 s), so the group can be deleted soon after. */
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
}

/**
 * `perTick` messages every 100 ms from a Node process of its own: a steady pace even when this test
 * process is starved (its own producer then sends in bursts, which a sample can catch unconsumed).
 */
function produceElsewhere(topic: string, perTick: number) {
  const script = `
    const { Kafka, logLevel } = require('kafkajs');
    const producer = new Kafka({ clientId: 'lag-status-producer', brokers: ${JSON.stringify(LOCAL_BOOTSTRAP)}, logLevel: logLevel.NOTHING }).producer();
    producer.connect().then(() => setInterval(() => {
      producer.send({ topic: ${JSON.stringify(topic)}, messages: Array.from({ length: ${perTick} }, (_, i) => ({ value: 'm' + i })) }).catch(() => {});
    }, 100));`;
  children.push(spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '..', '..'), stdio: 'ignore' }));
}

/** Polls the group as the page does, recording every status seen, until `done` says so. */
async function watch(groupId: string, timeoutMs: number, done: (d: GroupDetails) => boolean) {
  const seen: LagStatus[] = [];
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const details = await getGroup('local', groupId).catch(() => null);
    if (details) {
      if (seen.at(-1) !== details.status) seen.push(details.status);
      if (done(details)) return { details, seen };
    }
    await sleep(250);
  }
  throw new Error(`${groupId}: condition not met within ${timeoutMs} ms; saw ${seen.join(' → ')}`);
}

beforeAll(async () => {
  ({ getGroup } = await import('@/lib/kafka/groups'));
  ({ resetOffsets } = await import('@/lib/kafka/group-admin'));
  await admin.connect();
  await producer.connect();
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // a detached child's whole process group (the JVM under the wrapper)
    } catch {
      child.kill('SIGKILL');
    }
  }
  await Promise.all(consumers.map((c) => c.disconnect().catch(() => {})));
  await producer.disconnect();
  await admin.deleteGroups(groups).catch(() => {});
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

// One scenario at a time: consumers in a starved process miss heartbeats and leave their group.
describe(`lag status by scenario (samples 0.5 s, window ${WINDOW_MS / 1000} s, stopped after ${STOPPED_AFTER_MS / 1000} s)`, () => {
  it('consuming with lag: OK while the backlog shrinks, never stalled between commits, with a time to catch up', async () => {
    // One partition: kafkajs works through one partition's batch at a time, and the other's offset would rightly stall.
    const { topic, groupId } = await scenario('consuming', 1);
    await backlog(topic, 6000);
    produce(topic, 5); // 50/s
    // ~250 messages/s, committed every 2 s: samples every 0.5 s often see no new commit.
    await consume(topic, groupId, { delayMs: 4, commitMs: 2000 });
    const { details, seen } = await watch(groupId, 60_000, (d) => d.history.length >= 16 && d.offsets.some((o) => o.catchUpMs !== null && o.catchUpMs > 0));
    expect(seen.filter((s) => s !== 'unknown')).toEqual(['ok']);
    expect(details.state).toBe('Stable');
    const catching = details.offsets.find((o) => o.catchUpMs !== null && o.catchUpMs > 0)!;
    expect(catching.lag).toBeGreaterThan(0);
    expect(catching.catchUpNote).toBeNull();
  });

  it('caught up: OK, and never anything else while the consumer keeps pace', async () => {
    const { topic, groupId } = await scenario('caught-up');
    produceElsewhere(topic, 5);
    const stop = javaConsumer(topic, groupId);
    const joined = await watch(groupId, 60_000, (d) => d.state === 'Stable' && d.offsets.every((o) => o.committedOffset !== null));
    const { seen } = await watch(groupId, 40_000, (d) => d.history.length >= joined.details.history.length + 16);
    await stop();
    await watch(groupId, 30_000, (d) => d.state === 'Empty');
    expect(seen).toEqual(['ok']);
  });

  it('consumer killed: stalled while its member lingers, no consumer once it is gone, stopped after the stop window', async () => {
    const { topic, groupId } = await scenario('killed');
    produce(topic, 5);
    const kcat = spawn(
      'kcat',
      [
        '-b',
        LOCAL_BOOTSTRAP.join(','),
        '-G',
        groupId,
        topic,
        '-q',
        '-X',
        'session.timeout.ms=6000',
        '-X',
        'auto.commit.interval.ms=300',
        '-X',
        'auto.offset.reset=earliest',
      ],
      { stdio: 'ignore' },
    );
    children.push(kcat);
    await watch(
      groupId,
      40_000,
      (d) => d.state === 'Stable' && d.status === 'ok' && d.offsets.every((o) => o.committedOffset !== null) && d.history.length >= 8,
    );
    kcat.kill('SIGKILL');
    const gone = await watch(groupId, 30_000, (d) => d.state === 'Empty');
    const stopped = await watch(groupId, 30_000, (d) => d.status === 'stopped');
    const seen = [...gone.seen, ...stopped.seen];
    // No OK once the consumer is dead; stalled only while the broker still lists the member.
    expect(seen.slice(1).includes('ok')).toBe(false);
    expect(seen.indexOf('no-consumer')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('no-consumer')).toBeLessThan(seen.indexOf('stopped'));
    expect(stopped.details.statusReason).toMatch(/no consumer and no progress for \d+ seconds?; [\d,]+ messages waiting/);
    expect(stopped.details.totalLag).toBeGreaterThan(0);
  });

  it('slow consumer falling behind: lagging, with both rates in the reason, never stalled', async () => {
    const { topic, groupId } = await scenario('slow', 1);
    produce(topic, 10); // 100/s
    await consume(topic, groupId, { delayMs: 30, commitMs: 1000 }); // at most ~33/s
    const { details, seen } = await watch(groupId, 60_000, (d) => d.status === 'lagging');
    expect(seen).not.toContain('stalled');
    expect(details.statusReason).toMatch(/lag grew from [\d,]+ to [\d,]+ in \d+ seconds? \(consuming \d+\/s, log grows \d+\/s\)/);
    const partition = details.offsets.find((o) => o.lag)!;
    expect(partition.catchUpMs).toBeNull();
    expect(partition.catchUpNote).toMatch(/^not catching up: consuming [\d.]+\/s, log grows [\d.]+\/s$/);
  });

  it("reset: a rewind with Kafka's tool and a jump through the dashboard are resets, not consumption", async () => {
    const { topic, groupId } = await scenario('reset', 1);
    await backlog(topic, 1000);
    const consumer = await consume(topic, groupId, { commitMs: 200 });
    await watch(groupId, 40_000, (d) => d.offsets[0]?.committedOffset === 1000);
    await consumer.disconnect();
    await watch(groupId, 20_000, (d) => d.state === 'Empty' && d.status === 'ok');

    kafkaCli('consumer-groups', '--reset-offsets', '--group', groupId, '--topic', topic, '--shift-by', '-600', '--execute');
    const rewound = await watch(groupId, 10_000, (d) => d.status === 'reset');
    expect(rewound.details.statusReason).toMatch(/offset reset from 1000 to 400 .* ago \(not consumption\); lag 600/);
    // Once the reset leaves the window: an Empty group with lag is never OK.
    const idle = await watch(groupId, 20_000, (d) => d.status !== 'reset');
    expect(['no-consumer', 'stopped']).toContain(idle.details.status);

    await resetOffsets('local', groupId, { topic, to: 'shift', value: 300 });
    const jumped = await watch(groupId, 10_000, (d) => d.status === 'reset');
    expect(jumped.details.statusReason).toMatch(/offset reset from 400 to 700/);
    expect(jumped.details.offsets[0]).toMatchObject({ lag: 300, catchUpMs: null, catchUpNote: 'not consuming' });
  });

  it('lag in time is given even when the records at the committed offset were deleted, and says why', async () => {
    const { topic, groupId } = await scenario('retention', 1);
    await backlog(topic, 100);
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '10' }] });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '50' }] });
    const { details } = await watch(groupId, 20_000, (d) => d.offsets[0]?.committedOffset === 10);
    const [offset] = details.offsets;
    expect(offset.lag).toBe(90);
    expect(offset.lagMs).toBeGreaterThanOrEqual(0);
    expect(offset.lagNote).toBe('offsets 10–49 were deleted by retention; age of the oldest record still in the log');
  });
});
