// A cluster that refuses the dashboard's writes to the lag history topic (an ACL denies them):
// the dashboard keeps the history in its own memory and says so on the groups API (issue 16, item 1).
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GroupDetails, GroupList } from '@/lib/types/groups';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const run = Date.now();
const SASL_BROKERS = ['127.0.0.1:19192', '127.0.0.1:19193', '127.0.0.1:19194'];
const user = `it-lag-fallback-${run}`;
const password = `lag-fallback-secret-${run}`;
const names = {
  history: `__kafka_dashboard_lag-fallback-${run}`,
  election: `__kafka_dashboard_sampler_election-fallback-${run}`,
  samplerGroup: `__kafka_dashboard_sampler-fallback-${run}`,
};
const topic = `it-lag-fallback-${run}`;
const groupId = `it-lag-fallback-group-${run}`;
const kafka = new Kafka({ clientId: 'lag-fallback-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
// Everything on the history topic for the test's user, except writing: DENY wins over ALLOW.
const acl = (operation: AclOperationTypes, permissionType: AclPermissionTypes) => ({
  resourceType: AclResourceTypes.TOPIC,
  resourceName: names.history,
  resourcePatternType: ResourcePatternTypes.LITERAL,
  principal: `User:${user}`,
  host: '*',
  operation,
  permissionType,
});
const acls = [acl(AclOperationTypes.ALL, AclPermissionTypes.ALLOW), acl(AclOperationTypes.WRITE, AclPermissionTypes.DENY)];

let groupsRoute: typeof import('@/app/api/clusters/[cluster]/groups/route');
let groupRoute: typeof import('@/app/api/clusters/[cluster]/groups/[group]/route');

beforeAll(async () => {
  vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'refusing', brokers: SASL_BROKERS, sasl: { mechanism: 'scram-sha-256', username: user, password } }]));
  vi.stubEnv('LAG_HISTORY_TOPIC', names.history);
  vi.stubEnv('LAG_SAMPLER_TOPIC', names.election);
  vi.stubEnv('LAG_SAMPLER_GROUP', names.samplerGroup);
  vi.stubEnv('LAG_SAMPLER_SESSION_TIMEOUT_MS', '6000');
  vi.stubEnv('LAG_SAMPLE_INTERVAL_MS', '500');
  kafkaCli('configs', '--alter', '--add-config', `SCRAM-SHA-256=[password=${password}]`, '--entity-type', 'users', '--entity-name', user);
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic, numPartitions: 1, replicationFactor: 1 },
    { topic: names.history, numPartitions: 1, replicationFactor: 1 },
  ]);
  await admin.createAcls({ acl: acls });
  await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
  groupsRoute = await import('@/app/api/clusters/[cluster]/groups/route');
  groupRoute = await import('@/app/api/clusters/[cluster]/groups/[group]/route');
});

afterAll(async () => {
  // Each step on its own: one failing must not leave the ACLs or the user behind.
  const steps = await Promise.allSettled([
    admin.deleteAcls({ filters: acls }),
    Promise.resolve().then(() => kafkaCli('configs', '--alter', '--delete-config', 'SCRAM-SHA-256', '--entity-type', 'users', '--entity-name', user)),
    admin.deleteGroups([groupId, names.samplerGroup]).catch(() => {}),
  ]);
  // Asked again until the brokers stop listing them: right after a delete (or a delete that timed
  // out on Kafka 3.9.1 while going on) a broker's metadata may still name them.
  const ours = [topic, names.history, names.election];
  let leftTopics = ours;
  for (const until = Date.now() + 20_000; leftTopics.length && Date.now() < until; ) {
    await Promise.all(leftTopics.map((t) => admin.deleteTopics({ topics: [t] }).catch(() => {})));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    leftTopics = (await admin.listTopics()).filter((t) => ours.includes(t));
  }
  const leftGroups = (await admin.listGroups()).groups.filter((g) => g.groupId === groupId || g.groupId === names.samplerGroup);
  await admin.disconnect();
  vi.unstubAllEnvs();
  expect(steps.filter((s) => s.status === 'rejected')).toEqual([]);
  expect(leftTopics).toEqual([]);
  expect(leftGroups).toEqual([]);
}, 60_000);

describe('lag history on a cluster that refuses the history topic', () => {
  it("falls back to this process's memory, says why, and keeps sampling", async () => {
    const list = async () => (await call(groupsRoute.GET, { cluster: 'refusing' })).body as GroupList;
    const { value: status } = await waitFor(
      async () => {
        const answer = await list();
        return answer.lagHistory?.note ? answer.lagHistory : undefined;
      },
      30_000,
      250,
    );
    expect(status).toEqual({
      shared: false,
      topic: null,
      sampling: true,
      note: `Lag history is kept in this dashboard process only: writing to topic ${names.history} was refused (TOPIC_AUTHORIZATION_FAILED)`,
    });
    // Nothing reached the topic, and the history still grows, in memory.
    expect((await admin.fetchTopicOffsets(names.history)).map((p) => p.high)).toEqual(['0']);
    const { value: history } = await waitFor(
      async () => {
        const details = (await call(groupRoute.GET, { cluster: 'refusing', group: groupId })).body as GroupDetails;
        return details.history.length >= 3 ? details.history : undefined;
      },
      30_000,
      250,
    );
    expect(history.every((s) => s.totalLag === 0)).toBe(true);
  });
});
