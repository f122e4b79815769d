// A share group (KIP-932) run by Kafka's own console share consumer: the dashboard shows its type,
// state, members with their assignments, start offset and lag per partition exactly as
// kafka-share-groups --describe --state / --members / --offsets print them; it refuses to reset
// it (not offered for share groups) and deletes it once its consumer has left.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as groupsRoute from '@/app/api/clusters/[cluster]/groups/route';
import * as groupRoute from '@/app/api/clusters/[cluster]/groups/[group]/route';
import * as offsetsRoute from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import type { GroupDetails, GroupList } from '@/lib/types/groups';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { listShareGroupsWithCli, shareMembersWithCli, shareOffsetsWithCli, shareStateWithCli } from '../support/share-groups-cli';

const run = Date.now();
const topic = `it-share-${run}`;
const groupId = `it-share-group-${run}`;
const CLUSTER = path.resolve(__dirname, '..', '..', 'cluster', 'cluster.mjs');
let consumer: ChildProcess | null = null;

/** The console share consumer in its own process group, so stopping it stops the JVM too. */
function startConsumer() {
  consumer = spawn(
    process.execPath,
    [CLUSTER, 'tool', 'console-share-consumer', '--topic', topic, '--group', groupId, '--consumer-property', 'client.id=share-it-client'],
    { detached: true, stdio: 'ignore' },
  );
}

function stopConsumer() {
  if (consumer?.pid) {
    try {
      process.kill(-consumer.pid, 'SIGTERM'); // the JVM's shutdown hook leaves the group
    } catch {
      /* already gone */
    }
  }
  consumer = null;
}

const getGroup = async () => {
  const { status, body } = await call(groupRoute.GET, { cluster: 'local', group: groupId });
  return status === 200 ? (body as GroupDetails) : undefined;
};

beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '1');
  // 30 records, 10 per partition.
  const lines = Array.from({ length: 30 }, (_, i) => `record-${i}`).join('\n');
  execFileSync(
    process.execPath,
    [CLUSTER, 'tool', 'console-producer', '--topic', topic, '--command-property', 'partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner'],
    { input: `${lines}\n`, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  // A share group starts at the latest offset by default; from the earliest, it has records to consume.
  kafkaCli('configs', '--alter', '--entity-type', 'groups', '--entity-name', groupId, '--add-config', 'share.auto.offset.reset=earliest');
});

afterAll(async () => {
  stopConsumer();
  // Deleting fails while the consumer is still leaving: ask again until the group is gone.
  await waitFor(
    async () => {
      if (listShareGroupsWithCli().includes(groupId)) kafkaCli('share-groups', '--delete', '--group', groupId);
      return listShareGroupsWithCli().includes(groupId) ? undefined : true;
    },
    60_000,
    2000,
  );
  kafkaCli('topics', '--delete', '--topic', topic);
}, 120_000);

describe('a share group', () => {
  it('after a consumer took 12 records and left: Empty, with start offset and lag per partition as kafka-share-groups --offsets shows them', async () => {
    kafkaCli('console-share-consumer', '--topic', topic, '--group', groupId, '--max-messages', '12', '--timeout-ms', '60000');
    // The share coordinator persists the state a moment after the consumer leaves: compare once both agree.
    const { value } = await waitFor(
      async () => {
        const group = await getGroup();
        const cli = shareOffsetsWithCli(groupId);
        const ours = group?.offsets.map((o) => ({ topic: o.topic, partition: o.partition, startOffset: o.committedOffset, lag: o.lag }));
        return group && cli.length === 3 && JSON.stringify(ours) === JSON.stringify(cli) ? { group, cli } : undefined;
      },
      60_000,
      2000,
    );
    const { group, cli } = value;
    expect(group).toMatchObject({ type: 'share', state: 'Empty', members: [] });
    // The consumer acknowledged 12 records and released the rest: something was consumed, something waits.
    expect(cli.reduce((sum, p) => sum + (p.lag ?? 0), 0)).toBeGreaterThanOrEqual(18);
    expect(group.totalLag).toBe(cli.reduce((sum, p) => sum + (p.lag ?? 0), 0));
    expect(group.status).toBe('stopped');
    expect(group.offsets.every((o) => o.logEndOffset === 10)).toBe(true);
    const state = shareStateWithCli(groupId)!;
    expect({
      state: group.state,
      coordinator: group.coordinator,
      groupEpoch: group.groupEpoch,
      assignmentEpoch: group.assignmentEpoch,
      members: group.members.length,
    }).toEqual(state);

    const list = (await call(groupsRoute.GET, { cluster: 'local' })).body as GroupList;
    expect(list.groups.find((g) => g.groupId === groupId)).toMatchObject({
      type: 'share',
      state: 'Empty',
      members: 0,
      topics: [topic],
      totalLag: group.totalLag,
    });
  });

  it('with a running consumer: Stable, its member and assignment as kafka-share-groups --members shows them', async () => {
    startConsumer();
    const { value: group } = await waitFor(async () => {
      const g = await getGroup();
      return g?.state === 'Stable' && g.members.length === 1 && g.members[0].assignments.length ? g : undefined;
    }, 60_000);
    const [cli] = shareMembersWithCli(groupId);
    const member = group.members[0];
    expect({ memberId: member.memberId, host: member.host, clientId: member.clientId, memberEpoch: member.memberEpoch }).toEqual({
      memberId: cli.memberId,
      host: cli.host,
      clientId: 'share-it-client',
      memberEpoch: cli.memberEpoch,
    });
    expect(cli.clientId).toBe('share-it-client');
    const [assignedTopic, partitions] = cli.assignment.split(':');
    expect(member.assignments).toEqual([{ topic: assignedTopic, partitions: partitions.split(',').map(Number) }]);
    expect(cli.partitionCount).toBe(3);
    expect(group.assignor).toBe('simple');
    expect(member.instanceId).toBeNull();
    // Every partition lists the member that shares it.
    expect(group.offsets.map((o) => o.consumers?.map((c) => c.clientId))).toEqual([['share-it-client'], ['share-it-client'], ['share-it-client']]);
    // It consumes what was left: the lag drains to 0, as the tool sees it too.
    await waitFor(async () => ((await getGroup())?.totalLag === 0 ? true : undefined), 60_000, 2000);
    expect(shareOffsetsWithCli(groupId).map((p) => p.lag)).toEqual([0, 0, 0]);
  });

  it('is not reset (share groups are not offered that), and is deleted once its consumer left', async () => {
    const refused = await call(offsetsRoute.POST, { cluster: 'local', group: groupId }, { method: 'POST', body: { topic, to: 'earliest', dryRun: true } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'SHARE_GROUP_UNSUPPORTED' } } });
    stopConsumer();
    await waitFor(async () => ((await getGroup())?.state === 'Empty' ? true : undefined), 60_000);
    expect((await call(groupRoute.DELETE, { cluster: 'local', group: groupId }, { method: 'DELETE' })).status).toBe(204);
    expect(listShareGroupsWithCli()).not.toContain(groupId);
  });
});
