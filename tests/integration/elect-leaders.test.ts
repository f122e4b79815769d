import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import * as route from '@/app/api/clusters/[cluster]/elect-leaders/route';
import * as overviewRoute from '@/app/api/clusters/[cluster]/route';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';
import { asViewer, whileReadOnly } from '../support/refusals';

// Named to sort first: the overview lists the first 100 non-preferred leaders by topic name, and
// files beside this one move leaders of their own topics.
const topic = `0-it-elect-leaders-${Date.now()}`;
const kafka = new Kafka({ clientId: 'elect-leaders-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
let admin: Admin;
const post = (body: unknown) => call(route.POST, { cluster: 'local' }, { method: 'POST', body });

/** `kafka-topics --describe`: partition → { leader, replicas } as Kafka's tool prints them. */
function describedWithCli(): Map<number, { leader: number; replicas: number[] }> {
  const out = kafkaCli('topics', '--describe', '--topic', topic);
  return new Map(
    [...out.matchAll(/Partition: (\d+)\s+Leader: (-?\d+)\s+Replicas: ([\d,]+)/g)].map((m) => [
      Number(m[1]),
      { leader: Number(m[2]), replicas: m[3]!.split(',').map(Number) },
    ]),
  );
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  // Partition 0 on brokers 1 and 2, led by 1 (its preferred replica); partition 1 on 2 and 0.
  await createTopicsWithLeaders(admin, [
    {
      topic,
      replicaAssignment: [
        { partition: 0, replicas: [1, 2] },
        { partition: 1, replicas: [2, 0] },
      ],
    },
  ]);
  await waitFor(async () => (describedWithCli().get(0)?.leader === 1 ? true : undefined), 30_000);
});

type Placement = { leader: number; replicas: number[] };

/**
 * Partition 0 led by a replica that is not its preferred one, as kafka-topics shows it. Reordering
 * the replicas keeps the leader where it is, so the other replica becomes the preferred one. (No
 * broker is stopped: other test runs share the cluster.)
 */
async function leaderNotPreferred(): Promise<Placement> {
  const now = describedWithCli().get(0)!;
  if (now.replicas[0] !== now.leader) return now;
  const replicas = [...now.replicas.filter((r) => r !== now.leader), now.leader];
  await admin.alterPartitionReassignments({ topics: [{ topic, partitionAssignment: [{ partition: 0, replicas }] }] });
  const { value } = await waitFor(async () => {
    const p0 = describedWithCli().get(0);
    return p0?.replicas.join() === replicas.join() ? p0 : undefined;
  }, 60_000);
  return value;
}

/**
 * Runs `step` with partition 0 led by a replica that is not its preferred one. Kafka's controller
 * elects preferred leaders by itself (auto.leader.rebalance.enable, checked every 300 s): when it
 * did so during the step (a CI run saw it), the leader is made not preferred again and the step
 * runs once more. A step that elects by mistake fails every time.
 */
async function withLeaderNotPreferred(step: (before: Placement) => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    const before = await leaderNotPreferred();
    try {
      await step(before);
      return;
    } catch (error) {
      const after = describedWithCli().get(0);
      if (attempt === 3 || after?.leader === before.leader) throw error;
    }
  }
}

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
});

describe('POST …/elect-leaders', () => {
  it('refuses bad input with 400/404 and elects nothing', () =>
    withLeaderNotPreferred(async (before) => {
      expect((await post({})).status).toBe(400);
      expect((await post({ type: 'random' })).status).toBe(400);
      expect((await post({ type: 'preferred', partitions: [] })).status).toBe(400);
      expect((await post({ type: 'preferred', partitions: [{ topic, partition: -1 }] })).status).toBe(400);
      expect((await post({ type: 'preferred', partition: [{ topic, partition: 0 }] })).status).toBe(400); // a typo must not mean "all"
      const unknownPartition = await post({
        type: 'preferred',
        partitions: [
          { topic, partition: 0 },
          { topic, partition: 5 },
        ],
      });
      expect([unknownPartition.status, unknownPartition.body.error.code]).toEqual([400, 'UNKNOWN_PARTITION']); // issue 17: one answer for an unknown partition
      expect(unknownPartition.body.error.message).toMatch(/no partition 5/);
      expect((await post({ type: 'preferred', partitions: [{ topic: `${topic}-missing`, partition: 0 }] })).status).toBe(404);
      expect(describedWithCli().get(0)).toEqual(before);
    }));

  it('is refused to READ_ONLY and to a viewer', () =>
    withLeaderNotPreferred(async (before) => {
      const refused = await whileReadOnly(
        route.POST,
        { cluster: 'local' },
        { method: 'POST', body: { type: 'preferred', partitions: [{ topic, partition: 0 }] } },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('READ_ONLY');
      expect(await asViewer('POST', '/api/clusters/local/elect-leaders')).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(describedWithCli().get(0)).toEqual(before);
    }));

  it('elects the preferred leader, as kafka-topics --describe then shows; an already preferred one is "not needed"', () =>
    withLeaderNotPreferred(async (before) => {
      let overview: { status: number; body: { nonPreferredLeaders?: { count: number; partitions: { topic: string }[] } } } | undefined;
      const flagged = async () => {
        overview = await call(overviewRoute.GET, { cluster: 'local' });
        return (overview.body.nonPreferredLeaders?.partitions ?? []).filter((p) => p.topic === topic);
      };
      const expected = [{ topic, partition: 0, leader: before.leader, preferred: before.replicas[0] }];
      await waitFor(async () => (JSON.stringify(await flagged()) === JSON.stringify(expected) ? true : undefined), 20_000).catch((error) => {
        throw new Error(`${error.message}; the overview last answered ${overview?.status}: ${JSON.stringify(overview?.body).slice(0, 2000)}`);
      });
      expect(await flagged()).toEqual(expected);
      const { status, body } = await post({
        type: 'preferred',
        partitions: [
          { topic, partition: 0 },
          { topic, partition: 1 },
        ],
      });
      expect(status).toBe(200);
      expect(body).toEqual({
        results: [
          { topic, partition: 0, outcome: 'elected' },
          { topic, partition: 1, outcome: 'not-needed' },
        ],
      });
      expect(describedWithCli().get(0)).toEqual({ leader: before.replicas[0], replicas: before.replicas });
      expect(await flagged()).toEqual([]);
      const again = await post({ type: 'preferred', partitions: [{ topic, partition: 0 }] });
      expect(again.body).toEqual({ results: [{ topic, partition: 0, outcome: 'not-needed' }] });
    }));

  it('answers "not needed" to an unclean election where a leader is in the ISR, and moves nothing', async () => {
    const { status, body } = await post({ type: 'unclean', partitions: [{ topic, partition: 1 }] });
    expect(status).toBe(200);
    expect(body).toEqual({ results: [{ topic, partition: 1, outcome: 'not-needed' }] });
    expect(describedWithCli().get(1)?.leader).toBe(2);
  });
});
