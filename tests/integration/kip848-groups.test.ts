// A group of the new consumer protocol (KIP-848, group.protocol=consumer), consumed by Kafka's own
// Java console consumer: its state and members as kafka-consumer-groups --members shows them, then
// reset and deleted once its consumer has left.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as groupRoute from '@/app/api/clusters/[cluster]/groups/[group]/route';
import * as offsetsRoute from '@/app/api/clusters/[cluster]/groups/[group]/offsets/route';
import type { GroupDetails } from '@/lib/types/groups';
import { call } from '../support/api';
import { listGroupsWithCli } from '../support/consumer-groups-cli';
import { kafkaCli, spawnConsoleConsumer, waitFor } from '../support/kafka-cli';

const run = Date.now();
const topic = `it-kip848-${run}`;
const groupId = `it-kip848-group-${run}`;
let consumer: ChildProcess | null = null;

/** The console consumer in its own process group, so stopping it stops the JVM too. */
function startConsumer() {
  consumer = spawnConsoleConsumer(topic, groupId, ['group.protocol=consumer', 'client.id=kip848-client']);
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

const getGroup = () => call(groupRoute.GET, { cluster: 'local', group: groupId });

beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '1');
  startConsumer();
});

afterAll(() => {
  stopConsumer();
  if (listGroupsWithCli().includes(groupId)) kafkaCli('consumer-groups', '--delete', '--group', groupId);
  kafkaCli('topics', '--delete', '--topic', topic);
});

describe('a KIP-848 consumer group', () => {
  it('shows its state and member as kafka-consumer-groups --describe --members does', async () => {
    const { value: group } = await waitFor(async () => {
      const { status, body } = await getGroup();
      return status === 200 && (body as GroupDetails).members.length === 1 && (body as GroupDetails).members[0].assignments.length
        ? (body as GroupDetails)
        : undefined;
    }, 60_000);
    expect(group.state).toBe('Stable');
    const row = kafkaCli('consumer-groups', '--describe', '--group', groupId, '--members', '--verbose')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .find((cols) => cols[0] === groupId)!;
    const [, memberId, host, clientId, , , assignment] = row;
    expect(group.members[0]).toMatchObject({ memberId, clientId, host: host.replace(/^\//, '') });
    expect(clientId).toBe('kip848-client');
    const [assignedTopic, partitions] = assignment.split(':');
    expect(group.members[0].assignments).toEqual([{ topic: assignedTopic, partitions: partitions.split(',').map(Number) }]);
    expect(group.offsets.every((o) => o.clientId === 'kip848-client')).toBe(true);
  });

  it('refuses a reset while its consumer runs, then resets and deletes it once the consumer left', async () => {
    const refused = await call(offsetsRoute.POST, { cluster: 'local', group: groupId }, { method: 'POST', body: { topic, to: 'earliest' } });
    expect(refused.status).toBe(409);
    stopConsumer();
    await waitFor(async () => ((await getGroup()).body as GroupDetails).state === 'Empty' || undefined, 60_000);
    const reset = await call(offsetsRoute.POST, { cluster: 'local', group: groupId }, { method: 'POST', body: { topic, to: 'latest', dryRun: true } });
    expect(reset.status).toBe(200);
    expect((await call(groupRoute.DELETE, { cluster: 'local', group: groupId }, { method: 'DELETE' })).status).toBe(204);
    expect(listGroupsWithCli()).not.toContain(groupId);
  });
});
