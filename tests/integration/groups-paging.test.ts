import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as groupsRoute from '@/app/api/clusters/[cluster]/groups/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { GroupList, GroupPage } from '@/lib/types/groups';
import { call } from '../support/api';
import { describeGroupWithCli } from '../support/consumer-groups-cli';
import { waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

const run = Date.now();
const topic = `it-paging-${run}`;
const prefix = `it-paging-${run}-g`;
/** Seven groups with lags 0, 10, … 60 on one partition: g0 has lag 60, g6 has lag 0. */
const groups = Array.from({ length: 7 }, (_, i) => `${prefix}${i}`);
const kafka = new Kafka({ clientId: 'groups-paging-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

const list = async (query: string) => {
  const { status, body } = await call(groupsRoute.GET, { cluster: 'local' }, { url: `http://localhost/api/clusters/local/groups?${query}` });
  return { status, body: body as GroupPage & { error?: { code: string; message: string } } };
};

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 3 }]);
  const producer = idempotentProducer(kafka);
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: Array.from({ length: 60 }, (_, i) => ({ value: `m${i}` })) });
  await producer.disconnect();
  // A coordinator still loading __consumer_offsets (a broker restarted not long ago) outlasts kafkajs's retries: ask again.
  for (const [i, groupId] of groups.entries()) {
    await waitFor(() => admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: String(i * 10) }] }).then(() => true), 60_000, 1000);
  }
});

afterAll(async () => {
  await admin.deleteGroups(groups).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('GET /api/clusters/{c}/groups, paged', () => {
  it('pages through the groups matching a search: total, order, every group once', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 9; offset += 3) {
      const { status, body } = await list(`q=${prefix}&limit=3&offset=${offset}`);
      expect(status).toBe(200);
      expect(body.total).toBe(7);
      expect(body.groupCount).toBeGreaterThanOrEqual(7);
      expect([body.offset, body.limit]).toEqual([offset, 3]);
      expect(body.groups.length).toBe(Math.min(3, 7 - offset));
      seen.push(...body.groups.map((g) => g.groupId));
    }
    expect(seen).toEqual(groups);
  });

  it('sorts all groups on the server before cutting the page, with the lag kafka-consumer-groups shows', async () => {
    const { body } = await list(`q=${prefix}&limit=2&sort=totalLag&dir=desc`);
    expect(body.groups.map((g) => [g.groupId, g.totalLag])).toEqual([
      [groups[0], 60],
      [groups[1], 50],
    ]);
    expect(body.groups[0].totalLag).toBe(describeGroupWithCli(groups[0])[0].lag);
    const last = await list(`q=${prefix}&limit=2&offset=6&sort=totalLag&dir=desc`);
    expect(last.body.groups.map((g) => [g.groupId, g.totalLag])).toEqual([[groups[6], 0]]);
  });

  it('filters by state and status over all groups', async () => {
    expect((await list(`q=${prefix}&limit=10&state=Empty`)).body.total).toBe(7);
    expect((await list(`q=${prefix}&limit=10&state=Stable`)).body.total).toBe(0);
    // No consumer on any of them: none is "ok" with members; each has a status the filter gives back alone.
    const all = (await list(`q=${prefix}&limit=10`)).body.groups;
    for (const status of new Set(all.map((g) => g.status)))
      expect((await list(`q=${prefix}&limit=10&status=${status}`)).body.groups.map((g) => g.groupId)).toEqual(
        all.filter((g) => g.status === status).map((g) => g.groupId),
      );
  });

  it('answers every group, unpaged, without a limit (as before)', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    const unpaged = body as unknown as GroupList;
    expect(unpaged.groups.filter((g) => g.groupId.startsWith(prefix)).map((g) => g.groupId)).toEqual(groups);
    expect('total' in unpaged).toBe(false);
  });

  it.each([
    ['limit=0', 'limit must be between 1 and 1,000'],
    ['limit=5000', 'limit must be between 1 and 1,000'],
    ['limit=abc', 'limit must be a whole number'],
    ['limit=10&offset=-1', 'offset must be a whole number'],
    ['limit=10&sort=lag', 'sort must be one of'],
  ])('refuses %s with a 400 JSON error', async (query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('INVALID_INPUT');
    expect(body.error?.message).toContain(message);
  });
});
