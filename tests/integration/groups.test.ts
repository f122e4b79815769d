import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as groupsRoute from '@/app/api/clusters/[cluster]/groups/route';
import * as groupRoute from '@/app/api/clusters/[cluster]/groups/[group]/route';
import * as offsetsRoute from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { GroupDetails, GroupList } from '@/lib/types/groups';
import { call } from '../support/api';
import { describeGroupWithCli, listGroupsWithCli, resetDryRunWithCli } from '../support/consumer-groups-cli';
import { kafkaCli } from '../support/kafka-cli';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

const run = Date.now();
const topic = `it-groups-${run}`;
const kafkajsGroup = `it-kafkajs-${run}`;
const javaGroup = `it-java-${run}`;
const partialGroup = `it-partial-${run}`;
const kafka = new Kafka({ clientId: 'groups-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
let consumer: Consumer;
let betweenBatches = 0;

async function produce(count: number, prefix: string) {
  const producer = idempotentProducer(kafka);
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ key: `k${i % 17}`, value: `${prefix}-${i}` })) });
  await producer.disconnect();
}

const getGroup = async (groupId: string) => {
  const result = await call(groupRoute.GET, { cluster: 'local', group: groupId });
  expect(result.status).toBe(200);
  return result.body as GroupDetails;
};

/** Our per-partition rows in the CLI's shape. */
const asCliRows = (details: GroupDetails) =>
  details.offsets.map(({ topic: t, partition, committedOffset, logEndOffset, lag, memberId, host, clientId }) => ({
    topic: t,
    partition,
    committedOffset,
    logEndOffset,
    lag,
    memberId,
    host,
    clientId,
  }));

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 6, replicationFactor: 3 }]);
  await produce(600, 'first');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  betweenBatches = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await produce(120, 'second');

  // A kafkajs group that read part of the topic and then pauses, so nothing moves while we compare.
  consumer = kafka.consumer({ groupId: kafkajsGroup });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (seen >= 400) return;
        seen++;
        await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
        if (seen === 400) {
          consumer.pause([{ topic }]);
          resolve();
        }
      },
    });
  });
  // A group consumed by Kafka's own Java console consumer (commits when it exits).
  kafkaCli('console-consumer', '--topic', topic, '--group', javaGroup, '--from-beginning', '--max-messages', '300', '--timeout-ms', '20000');
  // A group with commits on only two of the six partitions.
  await admin.setOffsets({
    groupId: partialGroup,
    topic,
    partitions: [
      { partition: 0, offset: '3' },
      { partition: 2, offset: '5' },
    ],
  });
});

afterAll(async () => {
  await consumer?.disconnect().catch(() => {});
  await admin.deleteGroups([kafkajsGroup, javaGroup, partialGroup]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('group offsets against kafka-consumer-groups --describe, field by field', () => {
  it('for a live group consumed by kafkajs (members, hosts and client ids included)', async () => {
    const details = await getGroup(kafkajsGroup);
    expect(details.state).toBe('Stable');
    expect(details.members).toHaveLength(1);
    expect(details.members[0].assignments).toEqual([{ topic, partitions: [0, 1, 2, 3, 4, 5] }]);
    const reference = describeGroupWithCli(kafkajsGroup);
    expect(asCliRows(details)).toEqual(reference);
    expect(details.totalLag).toBe(reference.reduce((sum, r) => sum + (r.lag ?? 0), 0));
    expect(details.totalLag).toBeGreaterThan(0);
  });

  it('for a group consumed by Kafka’s Java console consumer', async () => {
    const details = await getGroup(javaGroup);
    expect(details.state).toBe('Empty');
    expect(asCliRows(details)).toEqual(describeGroupWithCli(javaGroup));
    expect(details.offsets.reduce((sum, o) => sum + (o.committedOffset ?? 0), 0)).toBe(300);
  });

  it('for a group with only some partitions committed: no made-up lag elsewhere', async () => {
    const details = await getGroup(partialGroup);
    expect(asCliRows(details)).toEqual(describeGroupWithCli(partialGroup));
    expect(details.offsets.map((o) => o.partition)).toEqual([0, 2]);
    for (const o of details.offsets) expect(o.lag).toBe(o.logEndOffset! - o.committedOffset!);
  });

  it('lists the groups with state, members, topics and total lag', async () => {
    const { status, body } = await call(groupsRoute.GET, { cluster: 'local' });
    expect(status).toBe(200);
    const list = body as GroupList;
    const ours = list.groups.filter((g) => g.groupId.endsWith(`-${run}`));
    expect(ours.map((g) => [g.groupId, g.state, g.members, g.topics])).toEqual([
      [javaGroup, 'Empty', 0, [topic]],
      [kafkajsGroup, 'Stable', 1, [topic]],
      [partialGroup, 'Empty', 0, [topic]],
    ]);
    const cliLag = describeGroupWithCli(kafkajsGroup).reduce((sum, r) => sum + (r.lag ?? 0), 0);
    expect(ours.find((g) => g.groupId === kafkajsGroup)?.totalLag).toBe(cliLag);
    expect(list.groups.map((g) => g.groupId)).toEqual(expect.arrayContaining(listGroupsWithCli().filter((g) => g.endsWith(`-${run}`))));
  });

  it('answers 404 for an unknown group', async () => {
    const result = await call(groupRoute.GET, { cluster: 'local', group: `nobody-${run}` });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('GROUP_NOT_FOUND');
  });
});

describe('resetting offsets', () => {
  const reset = (groupId: string, body: object) => call(offsetsRoute.POST, { cluster: 'local', group: groupId }, { method: 'POST', body });

  it('refuses a live group with 409 and changes nothing', async () => {
    const before = describeGroupWithCli(kafkajsGroup);
    const result = await reset(kafkajsGroup, { topic, to: 'earliest' });
    expect(result.status).toBe(409);
    expect(result.body.error.message).toMatch(/Stable with 1 member/);
    expect(describeGroupWithCli(kafkajsGroup)).toEqual(before);
  });

  it('previews without changing anything in a dry run', async () => {
    const before = describeGroupWithCli(javaGroup);
    const result = await reset(javaGroup, { topic, to: 'latest', dryRun: true });
    expect(result.status).toBe(200);
    expect(result.body.dryRun).toBe(true);
    expect(result.body.changes).toHaveLength(6);
    expect(describeGroupWithCli(javaGroup)).toEqual(before);
  });

  it('to a date-time gives the offsets kafka-consumer-groups --to-datetime --dry-run gives', async () => {
    const expected = resetDryRunWithCli(javaGroup, topic, '--to-datetime', new Date(betweenBatches).toISOString().replace('Z', '+00:00'));
    const result = await reset(javaGroup, { topic, to: 'timestamp', value: betweenBatches, dryRun: true });
    expect(result.status).toBe(200);
    expect(new Map(result.body.changes.map((c: { partition: number; to: number }) => [c.partition, c.to]))).toEqual(expected);
  });

  it('applies a shift and an offset, clamped to the log, on chosen partitions', async () => {
    const applied = await reset(partialGroup, { topic, partitions: [0], to: 'shift', value: -100 });
    await reset(partialGroup, { topic, partitions: [2], to: 'offset', value: 7 });
    const rows = describeGroupWithCli(partialGroup);
    // The log end the preview's "lag after" is computed from, as kafka-consumer-groups shows it.
    expect(applied.body.changes).toEqual([{ topic, partition: 0, from: 3, to: 0, logEndOffset: rows.find((r) => r.partition === 0)?.logEndOffset }]);
    expect(rows.find((r) => r.partition === 0)?.committedOffset).toBe(0);
    expect(rows.find((r) => r.partition === 2)?.committedOffset).toBe(7);
  });

  it('refuses bad input with 400', async () => {
    expect((await reset(javaGroup, { topic, to: 'sideways' })).status).toBe(400);
    expect((await reset(javaGroup, { topic, to: 'offset' })).status).toBe(400);
    expect((await reset(javaGroup, { topic, partitions: [99], to: 'earliest' })).status).toBe(400);
    expect((await reset(javaGroup, { topic: `missing-${run}`, to: 'earliest' })).status).toBe(404);
  });
});

describe('deleting a group', () => {
  it('refuses a live group and deletes an empty one', async () => {
    expect((await call(groupRoute.DELETE, { cluster: 'local', group: kafkajsGroup }, { method: 'DELETE' })).status).toBe(409);
    expect((await call(groupRoute.DELETE, { cluster: 'local', group: partialGroup }, { method: 'DELETE' })).status).toBe(204);
    expect(listGroupsWithCli()).not.toContain(partialGroup);
  });
});
