import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/kafka-cli';
import { startServer, type RunningServer } from '../support/server';
import { createTopicsWithLeaders } from '../support/topics';

/**
 * Two real dashboard processes on the same cluster share one lag sampler, elected through a
 * consumer group, and one history kept in a Kafka topic (issue 16, items 1–3). Names are this
 * run's own, so the test neither meets other dashboards nor leaves anything behind.
 */
const run = Date.now();
const BROKERS = ['127.0.0.1:19092', '127.0.0.1:19093', '127.0.0.1:19094'];
const INTERVAL_MS = 1000;
const SESSION_MS = 6000;
const names = {
  history: `__kafka_dashboard_lag-test-${run}`,
  election: `__kafka_dashboard_sampler_election-test-${run}`,
  samplerGroup: `__kafka_dashboard_sampler-test-${run}`,
};
const env = {
  KAFKA_CLUSTERS: JSON.stringify([{ name: 'local', brokers: BROKERS }]),
  LAG_SAMPLE_INTERVAL_MS: String(INTERVAL_MS),
  LAG_HISTORY_MS: '600000',
  LAG_HISTORY_TOPIC: names.history,
  LAG_SAMPLER_TOPIC: names.election,
  LAG_SAMPLER_GROUP: names.samplerGroup,
  LAG_SAMPLER_SESSION_TIMEOUT_MS: String(SESSION_MS),
};
const topic = `lag-shared-${run}`;
const groupId = `lag-shared-group-${run}`;

const kafka = new Kafka({ clientId: 'lag-history-shared-test', brokers: BROKERS, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const servers: RunningServer[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const api = async (server: RunningServer, route: string) => {
  const response = await fetch(`${server.url}/api/clusters/local${route}`);
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return response.json();
};
const historyStatus = async (server: RunningServer) => (await api(server, '/groups')).lagHistory as { shared: boolean; sampling: boolean; note: string | null };
const historyTimes = async (server: RunningServer) => ((await api(server, `/groups/${groupId}`)).history as { t: number }[]).map((s) => s.t);

/** The one of `pair` that samples now, and the other; fails unless exactly one of them does. */
async function samplerOf(pair: RunningServer[]) {
  const statuses = await Promise.all(pair.map(historyStatus));
  for (const status of statuses) expect([status.shared, status.note]).toEqual([true, null]);
  const sampling = pair.filter((_, i) => statuses[i].sampling);
  expect(sampling).toHaveLength(1);
  return { sampler: sampling[0], other: pair.find((server) => server !== sampling[0])! };
}

/** The sample times of our group in the history topic, as Kafka's own console consumer reads them. */
function samplesInTopic(): number[] {
  const args = [
    'tool',
    'console-consumer',
    '--topic',
    names.history,
    '--partition',
    '0',
    '--offset',
    'earliest',
    '--timeout-ms',
    '4000',
    '--property',
    'print.key=true',
    '--property',
    'key.separator=|',
  ];
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', 'cluster', 'cluster.mjs'), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? ''; // the tool ends its wait for more with a timeout
  }
  return out
    .split('\n')
    .filter((line) => line.startsWith(`${groupId}|`))
    .map((line) => JSON.parse(line.slice(groupId.length + 1)).t as number);
}

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, value: `m${i}` })) });
  await producer.disconnect();
  // A group with known lag (8 + 10) and no members.
  await admin.setOffsets({
    groupId,
    topic,
    partitions: [
      { partition: 0, offset: '2' },
      { partition: 1, offset: '0' },
    ],
  });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  // The killed dashboard's membership ends with its session; then the group can go.
  await waitFor(
    async () => {
      const left = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g === groupId || g === names.samplerGroup);
      if (!left.length) return true;
      await admin.deleteGroups(left).catch(() => {});
      return undefined;
    },
    30_000,
    1000,
  ).catch(() => {});
  await admin.deleteTopics({ topics: [topic, names.history, names.election] }).catch(() => {});
  const leftTopics = (await admin.listTopics()).filter((t) => [topic, names.history, names.election].includes(t));
  const leftGroups = (await admin.listGroups()).groups.filter((g) => g.groupId === groupId || g.groupId === names.samplerGroup);
  await admin.disconnect();
  expect(leftTopics).toEqual([]);
  expect(leftGroups).toEqual([]);
});

describe('lag history shared through Kafka, one sampler per cluster', () => {
  it('two dashboards: one samples, the later one shows the earlier history, and a killed or stopped sampler is replaced', { timeout: 110_000 }, async () => {
    const first = await startServer(env);
    servers.push(first);
    await historyStatus(first); // the first look at the groups starts the sampler
    await waitFor(async () => ((await historyStatus(first)).sampling ? true : undefined), 30_000, 250);
    await waitFor(async () => ((await historyTimes(first)).length >= 4 ? true : undefined), 30_000, 500);

    const secondStartedAt = Date.now();
    const second = await startServer(env);
    servers.push(second);
    // Its very first answer already holds the samples taken before it started.
    const seenFirst = await historyTimes(second);
    expect(seenFirst.filter((t) => t < secondStartedAt).length).toBeGreaterThanOrEqual(4);

    // Exactly one of the two samples (whichever the group assigns the partition), for several
    // intervals once the second has joined; both read the same history.
    await sleep(3 * INTERVAL_MS);
    let { sampler, other } = await samplerOf([first, second]);
    for (let i = 0; i < 5; i++) {
      await sleep(INTERVAL_MS);
      expect((await samplerOf([first, second])).sampler).toBe(sampler);
    }
    const [historyA, historyB] = await Promise.all([historyTimes(first), historyTimes(second)]);
    const common = Math.min(historyA.length, historyB.length) - 1; // the newest may still be on its way to one of them
    expect(common).toBeGreaterThanOrEqual(8);
    expect(historyB.slice(0, common)).toEqual(historyA.slice(0, common));

    // The sampler dies without a word: the other takes over once its session has expired.
    process.kill(sampler.pid, 'SIGKILL');
    const killedAt = Date.now();
    const survivor = other;
    const takeover = await waitFor(async () => ((await historyStatus(survivor)).sampling ? true : undefined), 4 * SESSION_MS, 100);
    const resumed = await waitFor(async () => (await historyTimes(survivor)).find((t) => t > killedAt), 4 * SESSION_MS, 100);
    // Kafka notices a dead member after the session timeout; the survivor learns it at its next
    // heartbeat (a sixth of the session) and samples as soon as the partition is its own.
    expect(takeover.elapsedMs).toBeLessThanOrEqual(SESSION_MS + SESSION_MS / 3);
    expect(resumed.value - killedAt).toBeLessThanOrEqual(SESSION_MS + SESSION_MS / 3 + INTERVAL_MS);
    await sleep(2 * INTERVAL_MS);

    // A sampler stopped normally (SIGTERM) leaves the group on its way out: the other takes over
    // at once, not after a session timeout.
    const third = await startServer(env);
    servers.push(third);
    expect(await historyStatus(third)).toMatchObject({ shared: true, note: null });
    await sleep(3 * INTERVAL_MS); // its joining rebalance done
    ({ sampler, other } = await samplerOf([survivor, third]));
    await sampler.stop();
    const remaining = other;
    const handover = await waitFor(async () => ((await historyStatus(remaining)).sampling ? true : undefined), 4 * SESSION_MS, 100);
    expect(handover.elapsedMs).toBeLessThan(SESSION_MS / 2);
    await sleep(2 * INTERVAL_MS);
    // Stopped, so that the topic stops growing and Kafka's console consumer comes to its end.
    await remaining.stop();
    const stoppedAt = Date.now();

    // The topic, read with Kafka's own tool: one record per interval for the group, never two
    // samplers at once (no two samples closer than half an interval), through every join and take-over.
    const samples = samplesInTopic();
    const gaps = samples.slice(1).map((t, i) => t - samples[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
    const whileBoth = samples.filter((t) => t > secondStartedAt && t <= killedAt);
    const intervals = (killedAt - secondStartedAt) / INTERVAL_MS;
    // A join may move the partition: the old sampler stops at its next heartbeat, the new one starts on assignment.
    expect(whileBoth.length).toBeGreaterThanOrEqual(Math.floor(intervals) - 3);
    expect(whileBoth.length).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    expect(samples.filter((t) => t > killedAt && t <= stoppedAt).length).toBeGreaterThanOrEqual(3);
    expect(samples.length).toBeLessThanOrEqual(Math.ceil((stoppedAt - samples[0]) / INTERVAL_MS) + 1);
  });
});
