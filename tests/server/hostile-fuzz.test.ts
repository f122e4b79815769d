import fc from 'fast-check';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { hostileNumber, hostileObjectJson, hostileQuery, hostileSegment, hostileText, hostileValue } from '../support/hostile';
import { rawRequest, startServer, type RawAnswer, type RunningServer } from '../support/server';
import { waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

/**
 * Every route, fed property-based hostile input on a real server instance: never a 5xx, never an
 * answer later than 2 s, always JSON errors from the API, and when the answer is 4xx, nothing
 * changed in the cluster. A 2xx to a change is a change the request asked for; topics it created
 * are deleted at the end. FUZZ_RUNS sets the runs per route (default 25).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const kafka = new Kafka({ clientId: 'hostile-fuzz', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const stamp = Date.now();
const topic = `fuzz-${stamp}`;
const group = `fuzz-group-${stamp}`;
const created = new Set<string>();
let server: RunningServer;

/**
 * What must not move on a 4xx: the topics and groups a request could have touched (ours, and any
 * it names: other tests may create their own meanwhile), and our topic's partitions, offsets,
 * configs and group offsets.
 */
async function clusterState(mentioned = '') {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readClusterState(mentioned);
    } catch (error) {
      // A leader moved under the test's own admin client: ask again with fresh metadata.
      if (attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function readClusterState(mentioned: string) {
  const touchable = (name: string) => name.startsWith('fuzz-') || mentioned.includes(name);
  const [topics, groups, offsets, configs, committed] = await Promise.all([
    admin.listTopics(),
    admin.listGroups(),
    admin.fetchTopicOffsets(topic),
    admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false }),
    admin.fetchOffsets({ groupId: group, topics: [topic] }),
  ]);
  return {
    topics: topics.filter((t) => !t.startsWith('__') && touchable(t)).sort(),
    groups: groups.groups
      .map((g) => g.groupId)
      .filter(touchable)
      .sort(),
    offsets: offsets.map((o) => `${o.partition}:${o.low}-${o.high}`).sort(),
    configs: configs.resources[0].configEntries
      .filter((c) => !c.isDefault)
      .map((c) => `${c.configName}=${c.configValue}`)
      .sort(),
    committed: committed.flatMap((t) => t.partitions.map((p) => `${p.partition}:${p.offset}`)).sort(),
  };
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
  const producer = idempotentProducer(kafka);
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `${'a'.repeat(28)}!` })) });
  await producer.disconnect();
  await admin.setOffsets({
    groupId: group,
    topic,
    partitions: [
      { partition: 0, offset: '1' },
      { partition: 1, offset: '1' },
    ],
  });
  server = await startServer({});
});

/** Our topic and group, and any topic a request created, are gone (asked again while the cluster catches up). */
async function cleanUp() {
  await waitFor(
    async () => {
      const existing = new Set(await admin.listTopics());
      const ours = [topic, ...created].filter((name) => existing.has(name));
      const groupLeft = (await admin.listGroups()).groups.some((g) => g.groupId === group);
      if (!ours.length && !groupLeft) return true;
      if (ours.length) await admin.deleteTopics({ topics: ours }).catch(() => {});
      if (groupLeft) await admin.deleteGroups([group]).catch(() => {});
      return undefined;
    },
    60_000,
    500,
  );
}

afterAll(async () => {
  await server?.stop();
  await cleanUp();
  await admin.disconnect();
});

interface Sent {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * Sends one request and checks what every answer must satisfy: under 500, within 2 s, a JSON error
 * for the API, and on a 4xx the cluster as it was just before. Answers it for route-specific checks.
 */
async function check(request: Sent): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const mentioned = `${safeDecode(request.path)} ${request.body ?? ''}`;
  const before = await clusterState(mentioned);
  const answer = await rawRequest(server.port, { method: request.method, path: request.path, headers, body: request.body });
  const label = `${request.method} ${request.path} ${request.body?.slice(0, 300) ?? ''} → ${answer.status} ${answer.body.slice(0, 300)}`;
  expect(answer.status, label).toBeLessThan(500);
  expect(answer.ms, label).toBeLessThan(2000);
  if (answer.status >= 400) {
    if (request.path.startsWith('/api/') && request.method !== 'HEAD') {
      const error = JSON.parse(answer.body).error;
      expect(typeof error.code, label).toBe('string');
      expect(error.message, label).not.toMatch(/Cannot read|is not iterable|is not a function|of undefined|is undefined|received undefined|\bat \S+ \(/);
    }
    expect(await clusterState(mentioned), `the cluster changed after ${label}`).toEqual(before);
  }
  return answer;
}

const property = <T>(arbitrary: fc.Arbitrary<T>, toRequest: (value: T) => Sent) =>
  fc.assert(
    fc.asyncProperty(arbitrary, async (value) => void (await check(toRequest(value)))),
    { numRuns: RUNS, endOnFailure: true },
  );

const T = () => `/api/clusters/local/topics/${topic}`;

describe('hostile input, route by route', () => {
  it('GET /api/clusters/{c} and its lists', () =>
    property(fc.tuple(hostileSegment, fc.constantFrom('', '/topics', '/groups', '/brokers', '/topics?internal=true')), ([c, rest]) => ({
      method: 'GET',
      path: `/api/clusters/${c}${rest}`,
    })));

  it('GET /api/clusters/local/brokers/{id}', () => property(hostileSegment, (b) => ({ method: 'GET', path: `/api/clusters/local/brokers/${b}` })));

  it('POST /api/clusters/local/topics (create)', () =>
    property(
      fc.record(
        {
          name: fc.oneof(
            hostileValue,
            hostileText.map((t) => `fuzz-created-${stamp}-${t}`),
          ),
          partitions: fc.oneof(hostileNumber, hostileValue),
          replicationFactor: fc.oneof(hostileNumber, hostileValue),
          configs: fc.oneof(hostileValue, fc.dictionary(hostileText, hostileValue, { maxKeys: 3 })),
        },
        { requiredKeys: [] },
      ),
      (body) => {
        if (typeof body.name === 'string') created.add(body.name);
        return { method: 'POST', path: '/api/clusters/local/topics', body: JSON.stringify(body) };
      },
    ));

  it('GET and DELETE /api/clusters/local/topics/{t}', () =>
    property(fc.tuple(fc.constantFrom('GET', 'DELETE'), hostileSegment, fc.constantFrom('', '/consumers')), ([method, t, rest]) => ({
      method: rest ? 'GET' : method,
      path: `/api/clusters/local/topics/${t}${rest}`,
    })));

  it('POST …/partitions', () =>
    property(
      fc.oneof(hostileValue, hostileNumber).filter((n) => !(typeof n === 'number' && Number.isInteger(n) && n > 2 && n <= 10_000)),
      (count) => ({
        method: 'POST',
        path: `${T()}/partitions`,
        body: JSON.stringify({ count }),
      }),
    ));

  it('PATCH …/configs', () =>
    property(
      fc.oneof(
        hostileObjectJson,
        hostileObjectJson.map((configs) => `{"configs":${configs}}`),
      ),
      (body) => ({ method: 'PATCH', path: `${T()}/configs`, body }),
    ));

  it('POST …/messages (produce)', () =>
    property(
      fc.oneof(
        hostileObjectJson,
        fc
          .array(
            fc.record(
              {
                key: hostileValue,
                value: hostileValue,
                partition: hostileValue,
                headers: fc.oneof(
                  hostileValue,
                  hostileObjectJson.map((h) => JSON.parse(h)),
                ),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          )
          .map((messages) => JSON.stringify({ messages })),
      ),
      (body) => ({ method: 'POST', path: `${T()}/messages`, body }),
    ));

  it('GET …/messages/stream', () =>
    property(hostileQuery(['from', 'partitions', 'filter', 'filterMode', 'filterOn', 'live']), (query) => ({
      method: 'GET',
      path: `${T()}/messages/stream?${query}`,
    })));

  it('GET …/messages/raw', () => property(hostileQuery(['partition', 'offset']), (query) => ({ method: 'GET', path: `${T()}/messages/raw?${query}` })));

  it('POST …/messages/upload', () =>
    property(fc.tuple(hostileQuery(['separator', 'keyed', 'partitioner', 'partition']), hostileText), ([query, body]) => ({
      method: 'POST',
      path: `${T()}/messages/upload?${query}`,
      body,
      contentType: 'application/octet-stream',
    })));

  it('GET and DELETE /api/clusters/local/groups/{g}', () =>
    property(fc.tuple(fc.constantFrom('GET', 'DELETE'), hostileSegment), ([method, g]) => ({ method, path: `/api/clusters/local/groups/${g}` })));

  it('POST …/groups/{g}/offsets (reset)', () =>
    property(
      fc.tuple(
        fc.oneof(fc.constant(group), hostileText),
        fc.record(
          {
            topic: fc.oneof(fc.constant(topic), hostileValue),
            partitions: hostileValue,
            to: fc.oneof(fc.constantFrom('earliest', 'latest', 'timestamp', 'offset', 'shift'), hostileValue),
            value: hostileValue,
            dryRun: fc.oneof(fc.constant(true), hostileValue),
          },
          { requiredKeys: [] },
        ),
      ),
      ([g, body]) => ({
        method: 'POST',
        path: `/api/clusters/local/groups/${encodeURIComponent(g.replace(/[\ud800-\udfff]/g, 'x'))}/offsets`,
        body: JSON.stringify(body),
      }),
    ));

  it('POST /api/auth/login and logout', () =>
    property(fc.tuple(fc.constantFrom('login', 'logout'), hostileObjectJson), ([action, body]) => ({ method: 'POST', path: `/api/auth/${action}`, body })));

  it('any path, method and headers', () =>
    property(
      fc.record({
        method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'),
        segments: fc.array(hostileSegment, { maxLength: 5 }),
        api: fc.boolean(),
        origin: fc.oneof(
          fc.constant(undefined),
          hostileText.map((t) => `http://${t}`),
        ),
        contentType: fc.oneof(
          fc.constant('application/json'),
          hostileText.map((t) => t.replace(/[^\x20-\x7e]/g, '')),
        ),
        body: fc.oneof(fc.constant(undefined), hostileObjectJson),
      }),
      ({ method, segments, api, origin, contentType, body }) => ({
        method,
        path: `${api ? '/api' : ''}/${segments.join('/').replace(/[\s\u0000-\u001f\u007f-\uffff]/g, '_')}`,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
        contentType,
        headers: { accept: 'application/json', ...(origin ? { origin: origin.replace(/[^\x20-\x7e]/g, '') } : {}) },
      }),
    ));
});
