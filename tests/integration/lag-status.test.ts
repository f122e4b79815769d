import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { GroupDetails } from '@/lib/types/groups';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

// Short windows so the rules can be watched in seconds (the defaults are minutes; see README).
vi.stubEnv('LAG_SAMPLE_INTERVAL_MS', '500');
vi.stubEnv('LAG_WINDOW_MS', '3000');
vi.stubEnv('LAG_STOPPED_AFTER_MS', '5000');

const run = Date.now();
const topic = `it-lag-status-${run}`;
const groupId = `it-lag-status-${run}`;
const kafka = new Kafka({ clientId: 'lag-status-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = idempotentProducer(kafka);
let producing: NodeJS.Timeout | undefined;
let getGroup: (cluster: string, group: string) => Promise<GroupDetails>;

const startConsumer = async () => {
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 500, sessionTimeout: 6000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommitInterval: 200, eachMessage: async () => {} });
  return consumer;
};

async function waitForStatus(wanted: string[], timeoutMs: number) {
  const seen: string[] = [];
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const details = await getGroup('local', groupId).catch(() => null);
    if (details) {
      if (seen.at(-1) !== details.status) seen.push(details.status);
      if (wanted.includes(details.status)) return { details, seen, elapsedMs: Date.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`status not in ${wanted.join('/')} within ${timeoutMs} ms; saw ${seen.join(' → ')}`);
}

beforeAll(async () => {
  ({ getGroup } = await import('@/lib/kafka/groups'));
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 3 }]);
  await producer.connect();
  producing = setInterval(() => {
    void producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })) }).catch(() => {});
  }, 200);
});

afterAll(async () => {
  clearInterval(producing);
  await producer.disconnect();
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('lag status over time (windows: sample 0.5 s, window 3 s, stopped after 5 s)', () => {
  let consumer: Consumer;

  it('is ok while a consumer keeps up', async () => {
    consumer = await startConsumer();
    const { details } = await waitForStatus(['ok'], 30_000);
    expect(details.state).toBe('Stable');
  });

  it('turns stalled or stopped when the consumer stops while producing goes on, and its lag keeps growing', async () => {
    await consumer.disconnect();
    const firstAlarm = await waitForStatus(['stalled', 'stopped'], 3000 + 5000 + 5000);
    const stopped = await waitForStatus(['stopped'], 5000 + 5000);
    expect(stopped.details.state).toBe('Empty');
    expect(stopped.details.statusReason).toMatch(/no consumer and no progress/);
    expect(stopped.details.totalLag).toBeGreaterThan(firstAlarm.details.totalLag ?? 0);
    const later = await waitForStatus(['stopped'], 5000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const evenLater = await getGroup('local', groupId);
    // Burrow's flaw avoided: with no commits at all, lag still follows the log-end offset.
    expect(evenLater.totalLag).toBeGreaterThan(later.details.totalLag ?? 0);
    expect(evenLater.history.length).toBeGreaterThan(5);
  });

  it('returns to ok once a consumer catches up', async () => {
    clearInterval(producing);
    consumer = await startConsumer();
    const { details } = await waitForStatus(['ok'], 30_000);
    expect(details.totalLag).toBe(0);
    await consumer.disconnect();
  });
});
