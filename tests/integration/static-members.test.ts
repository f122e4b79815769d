// Static members (group.instance.id) of a classic and of a KIP-848 group, and the KIP-848 group's
// assignor, run by Kafka's own console consumer and compared with kafka-consumer-groups
// --describe --members / --state --verbose.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as groupRoute from '@/app/api/clusters/[cluster]/groups/[group]/route';
import type { GroupDetails } from '@/lib/types/groups';
import { call } from '../support/api';
import { listGroupsWithCli } from '../support/consumer-groups-cli';
import { kafkaCli, spawnConsoleConsumer, waitFor } from '../support/kafka-cli';

const run = Date.now();
const topic = `it-static-${run}`;
const classicGroup = `it-static-classic-${run}`;
const modernGroup = `it-static-848-${run}`;
const consumers: ChildProcess[] = [];

function startConsumer(groupId: string, ...properties: string[]) {
  consumers.push(spawnConsoleConsumer(topic, groupId, properties));
}

/** A group with one member that has its assignment, as the dashboard shows it. */
const describedGroup = (groupId: string) =>
  waitFor(async () => {
    const { status, body } = await call(groupRoute.GET, { cluster: 'local', group: groupId });
    const group = body as GroupDetails;
    return status === 200 && group.state === 'Stable' && group.members.length === 1 && group.members[0].assignments.length ? group : undefined;
  }, 60_000);

/** `kafka-consumer-groups --describe --members --verbose`: member id and GROUP-INSTANCE-ID of the group's rows. */
const cliMembers = (groupId: string) =>
  kafkaCli('consumer-groups', '--describe', '--group', groupId, '--members', '--verbose')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[0] === groupId)
    .map(([, memberId, instanceId, , clientId]) => ({ memberId, instanceId: instanceId === '-' ? null : instanceId, clientId }));

beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '2', '--replication-factor', '1');
  startConsumer(classicGroup, 'group.instance.id=static-classic', 'client.id=static-classic-client');
  startConsumer(modernGroup, 'group.protocol=consumer', 'group.instance.id=static-848', 'client.id=static-848-client');
});

afterAll(async () => {
  for (const c of consumers) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  // A static classic member stays until its session times out; wait for both groups to empty, then delete them.
  const groups = listGroupsWithCli();
  for (const groupId of [classicGroup, modernGroup]) {
    if (!groups.includes(groupId)) continue;
    // The tool exits 0 when it could not delete a non-empty group: check that it said so.
    await waitFor(async () => (/was successful/.test(kafkaCli('consumer-groups', '--delete', '--group', groupId)) ? true : undefined), 90_000, 3000);
  }
  kafkaCli('topics', '--delete', '--topic', topic);
}, 180_000);

describe('static members and assignors', () => {
  it('a classic group’s static member shows its group.instance.id as kafka-consumer-groups does', async () => {
    const { value: group } = await describedGroup(classicGroup);
    expect(cliMembers(classicGroup)).toEqual([{ memberId: group.members[0].memberId, instanceId: 'static-classic', clientId: 'static-classic-client' }]);
    expect(group.members[0].instanceId).toBe('static-classic');
    expect(group).toMatchObject({ type: 'classic', protocol: 'range', assignor: null });
  });

  it('a KIP-848 group shows its assignor (uniform) and its static member’s group.instance.id', async () => {
    const { value: group } = await describedGroup(modernGroup);
    expect(cliMembers(modernGroup)).toEqual([{ memberId: group.members[0].memberId, instanceId: 'static-848', clientId: 'static-848-client' }]);
    expect(group.members[0].instanceId).toBe('static-848');
    const [state] = kafkaCli('consumer-groups', '--describe', '--group', modernGroup, '--state', '--verbose')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[0] === modernGroup);
    // GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE GROUP-EPOCH TARGET-ASSIGNMENT-EPOCH #MEMBERS
    const [, , , assignor, , groupEpoch, assignmentEpoch] = state;
    expect(assignor).toBe('uniform');
    expect({ type: group.type, assignor: group.assignor, groupEpoch: group.groupEpoch, assignmentEpoch: group.assignmentEpoch }).toEqual({
      type: 'consumer',
      assignor,
      groupEpoch: Number(groupEpoch),
      assignmentEpoch: Number(assignmentEpoch),
    });
  });
});
