import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import * as route from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import { call } from '../support/api';
import { describeGroupWithCli } from '../support/consumer-groups-cli';
import { asViewer, whileReadOnly } from '../support/refusals';
import { createTopicsWithLeaders } from '../support/topics';

const stamp = Date.now();
const topic = `it-offset-delete-${stamp}`;
const other = `it-offset-delete-other-${stamp}`;
const group = `it-offset-delete-group-${stamp}`;
const active = `it-offset-delete-active-${stamp}`;
const kafka = new Kafka({ clientId: 'offset-delete-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
let admin: Admin;
let consumer: Consumer | null = null;

const remove = (groupId: string, query: string) =>
  call(route.DELETE, { cluster: 'local', group: groupId }, { method: 'DELETE', url: `http://localhost/api/clusters/local/groups/${groupId}/offsets${query}` });
/** What `kafka-consumer-groups --describe` lists as committed: "topic:partition=offset". */
const committed = (groupId: string) =>
  describeGroupWithCli(groupId)
    .filter((r) => r.committedOffset !== null)
    .map((r) => `${r.topic}:${r.partition}=${r.committedOffset}`)
    .sort();

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic, numPartitions: 3, replicationFactor: 2 },
    { topic: other, numPartitions: 1, replicationFactor: 2 },
  ]);
  await admin.setOffsets({ groupId: group, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '0' })) });
  await admin.setOffsets({ groupId: group, topic: other, partitions: [{ partition: 0, offset: '0' }] });
  await admin.setOffsets({ groupId: active, topic, partitions: [{ partition: 0, offset: '0' }] });
});

afterAll(async () => {
  await consumer?.disconnect();
  await admin.deleteGroups([group, active]).catch(() => {});
  await admin.deleteTopics({ topics: [topic, other] });
  await admin.disconnect();
});

describe('DELETE …/groups/{g}/offsets?topic=T[&partitions=…]', () => {
  it('refuses bad input with 400/404 and deletes nothing', async () => {
    expect((await remove(group, '')).status).toBe(400);
    expect((await remove(group, `?topic=${topic}&partitions=a,1`)).status).toBe(400);
    expect((await remove(group, `?topic=${topic}&partitions=`)).status).toBe(400);
    const noOffset = await remove(group, `?topic=${topic}&partitions=1,7`);
    expect(noOffset.status).toBe(404);
    expect(noOffset.body.error.message).toMatch(/partition 7/);
    expect((await remove(`${group}-missing`, `?topic=${topic}`)).status).toBe(404);
    expect((await remove(group, `?topic=${topic}-missing`)).status).toBe(404);
    expect(committed(group)).toEqual([`${other}:0=0`, `${topic}:0=0`, `${topic}:1=0`, `${topic}:2=0`].sort());
  });

  it('is refused to READ_ONLY and to a viewer', async () => {
    const readOnly = await whileReadOnly(route.DELETE, { cluster: 'local', group }, { method: 'DELETE', url: `http://localhost/api?topic=${topic}` });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('READ_ONLY');
    expect(await asViewer('DELETE', `/api/clusters/local/groups/${group}/offsets?topic=${topic}`)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(committed(group)).toHaveLength(4);
  });

  it('deletes some partitions, then the rest of the topic, as kafka-consumer-groups --describe shows', async () => {
    const some = await remove(group, `?topic=${topic}&partitions=2,0`);
    expect(some).toEqual({
      status: 200,
      body: {
        deleted: [
          { topic, partition: 0 },
          { topic, partition: 2 },
        ],
      },
    });
    expect(committed(group)).toEqual([`${other}:0=0`, `${topic}:1=0`].sort());
    const rest = await remove(group, `?topic=${topic}`);
    expect(rest).toEqual({ status: 200, body: { deleted: [{ topic, partition: 1 }] } });
    expect(committed(group)).toEqual([`${other}:0=0`]);
  });

  it('answers 409 while a member is subscribed to the topic, and deletes nothing', async () => {
    consumer = kafka.consumer({ groupId: active });
    await consumer.connect();
    await consumer.subscribe({ topic });
    const joined = new Promise<void>((resolve) => consumer!.on(consumer!.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ autoCommit: false, eachMessage: async () => {} });
    await joined;
    const refused = await remove(active, `?topic=${topic}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('GROUP_SUBSCRIBED_TO_TOPIC');
    expect(describeGroupWithCli(active).find((r) => r.partition === 0)?.committedOffset).toBe(0);
    await consumer.disconnect();
    consumer = null;
  });
});
