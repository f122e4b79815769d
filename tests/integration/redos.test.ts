import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clustersRoute from '@/app/api/clusters/route';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

/**
 * Issue 11, items 1 and 2: input that made a backtracking regular expression run for minutes must
 * not hold the event loop, so other users' requests, served by the same process, go on being answered.
 */

const topic = `it-redos-${Date.now()}`;
const kafka = new Kafka({ clientId: 'redos-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = idempotentProducer(kafka);

// Partition 0: the value (28 a's and a "!", 17 s for `(a+)+$` in RegExp) among values
// that match; partition 1: the same with 5000 a's, which RegExp would never finish.
const HOSTILE = `${'a'.repeat(28)}!`;
const LONG = `${'a'.repeat(5000)}!`;
const matching = Array.from({ length: 10 }, (_, i) => 'a'.repeat(i + 1));
const CATASTROPHIC = `filterMode=regex&filter=${encodeURIComponent('(a+)+$')}&from=earliest&live=false`;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const open = (query: string) =>
  (streamRoute.GET as Handler)(new Request(`http://localhost/api?${query}`), { params: Promise.resolve({ cluster: 'local', topic }) });

/**
 * Runs `work` while another request (the clusters list) is sent over and over in the same process,
 * and the event loop's delay is sampled: how long work took, each other request took, and the
 * longest the loop was held.
 */
async function whileServingOthers<T>(work: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const others: number[] = [];
  let finished = false;
  const probing = (async () => {
    while (!finished || others.length === 0) {
      const started = performance.now();
      const answer = await call(clustersRoute.GET, {});
      expect(answer.status).toBe(200);
      others.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const result = await work().finally(() => {
    finished = true;
  });
  const ms = performance.now() - started;
  await probing;
  delay.disable();
  return { result, ms, others, loopHeldMs: delay.max / 1e6 };
}

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 3 }]);
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [...[HOSTILE, HOSTILE, ...matching, HOSTILE].map((value) => ({ partition: 0, value }))] });
  await producer.send({ topic, acks: -1, messages: [...[LONG, LONG, ...matching, LONG].map((value) => ({ partition: 1, value }))] });
  // Connections to the brokers are opened by a first tail, so the timed ones measure the tail itself.
  const { messages } = await readSse(await open('from=earliest&live=false'));
  expect(messages).toHaveLength(26);
});

afterAll(async () => {
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('a catastrophic filter (item 1)', () => {
  it.each([
    ["the issue's 29 characters", 0],
    ['5001 characters', 1],
  ])('(a+)+$ over values of %s finishes in well under a second while other requests are answered', async (_, partition) => {
    const { result, ms, others, loopHeldMs } = await whileServingOthers(async () => readSse(await open(`${CATASTROPHIC}&partitions=${partition}`)));
    expect(result.messages.map((m) => m.value)).toEqual(matching);
    expect(result.events.at(-1)).toMatchObject({ event: 'done', data: { scanned: 13, matched: 10 } });
    expect(ms).toBeLessThan(1000);
    expect(Math.max(...others)).toBeLessThan(200);
    expect(loopHeldMs).toBeLessThan(200);
  });

  it("refuses a backreference with RE2's reason, as a JSON 400", async () => {
    const response = await open(`filterMode=regex&filter=${encodeURIComponent('(a)\\1')}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({
      code: 'INVALID_INPUT',
      message: 'filter: Invalid regular expression: invalid escape sequence: `\\1` (RE2 has no backreferences)',
    });
  });
});

describe('a hostile from=positions: (item 2)', () => {
  it("the issue's 113 characters answer 400 in < 100 ms while other requests are answered", async () => {
    const from = `positions:1=${'1111111111='.repeat(9)}1x`;
    expect(from).toHaveLength(113);
    const { result, ms, others, loopHeldMs } = await whileServingOthers(async () => {
      const response = await open(`from=${encodeURIComponent(from)}`);
      return { status: response.status, body: await response.json() };
    });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toMatch(/^from=positions: "1=1111111111=.*" is not PARTITION=OFFSET/);
    expect(ms).toBeLessThan(100);
    expect(Math.max(...others)).toBeLessThan(200);
    expect(loopHeldMs).toBeLessThan(200);
  });
});
