import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { forgetTopics } from '@/lib/kafka/topics';
import type { TopicList, TopicPage } from '@/lib/types/topics';
import { call } from '../support/api';
import { createTopicsWithLeaders } from '../support/topics';

const run = Date.now();
const prefix = `it-topics-paging-${run}-`;
/** Five topics with 1 … 5 partitions, so sorting by partitions reverses the name order when descending. */
const topics = Array.from({ length: 5 }, (_, i) => `${prefix}${i}`);
const kafka = new Kafka({ clientId: 'topics-paging-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

const list = async (query: string) => {
  const { status, body } = await call(topicsRoute.GET, { cluster: 'local' }, { url: `http://localhost/api/clusters/local/topics?${query}` });
  return { status, body: body as TopicPage & TopicList & { error?: { code: string; message: string } } };
};

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(
    admin,
    topics.map((topic, i) => ({ topic, numPartitions: i + 1, replicationFactor: 1 })),
  );
  // Created behind the dashboard's back: the list it keeps for up to 10 s would not have them yet.
  forgetTopics('local');
});

afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

describe('GET /api/clusters/{c}/topics, paged', () => {
  it('pages through the topics matching a search: total, order, every topic once', async () => {
    const first = await list(`limit=2&q=${prefix}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, offset: 0, limit: 2 });
    const rest = await Promise.all([2, 4].map((offset) => list(`limit=2&offset=${offset}&q=${prefix}`)));
    const names = [first, ...rest].flatMap((page) => page.body.topics.map((t) => t.name));
    expect(names).toEqual(topics);
    expect((await list(`limit=2&offset=10&q=${prefix}`)).body.topics).toEqual([]);
  });

  it('sorts every topic on the server before cutting the page', async () => {
    const { body } = await list(`limit=3&q=${prefix}&sort=partitions&dir=desc`);
    expect(body.topics.map((t) => [t.name, t.partitions])).toEqual([
      [topics[4], 5],
      [topics[3], 4],
      [topics[2], 3],
    ]);
  });

  it('answers every topic, unpaged, without a limit (as before)', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.topics.filter((t) => t.name.startsWith(prefix)).map((t) => t.name)).toEqual(topics);
    expect('total' in body).toBe(false);
  });

  it.each([
    ['limit=0', 'limit must be between 1 and 1,000'],
    ['limit=abc', 'limit must be a whole number'],
    ['limit=10&offset=-1', 'offset must be a whole number'],
    ['limit=10&sort=colour', 'sort must be one of'],
    ['limit=10&dir=up', 'dir must be asc or desc'],
  ])('refuses %s with a 400 JSON error', async (query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('INVALID_INPUT');
    expect(body.error?.message).toContain(message);
  });
});
