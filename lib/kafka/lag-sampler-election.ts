import 'server-only';
import type { Kafka } from 'kafkajs';
import { asRefusal } from './lag-history-topic';

export interface Election {
  /**
   * Whether this process samples now: it holds the election topic's partition and the coordinator
   * confirmed its membership within half a session timeout. A member cut off from the coordinator
   * stops before the coordinator can give the partition to anyone else (a full session timeout).
   */
  isSampler(): boolean;
  /** Leaves the group (a clean hand-over: the others rebalance at once). */
  stop(): Promise<void>;
}

/**
 * Joins the sampler election of one cluster: every dashboard process is a member of `groupId`,
 * subscribed to the one-partition `topic`, and the member the group assigns that partition samples.
 * Kafka's group protocol does the rest: a new member makes the owner stop at its next heartbeat
 * (REBALANCING) before the partition is assigned again, and a dead owner is dropped after
 * `sessionTimeoutMs`. Nothing is consumed or committed: the group holds no offsets.
 * `onElected` is told when this process has just been given the partition (to sample at once);
 * `onLost(error)` when the membership ended on its own (kafkajs gave up, or the group was
 * refused): the caller may join again.
 */
export async function joinElection(
  kafka: Kafka,
  {
    groupId,
    topic,
    sessionTimeoutMs,
    onElected,
    onLost,
  }: { groupId: string; topic: string; sessionTimeoutMs: number; onElected: () => void; onLost: (error: unknown) => void },
): Promise<Election> {
  // Heartbeats (sent between empty long polls of half their interval) every tenth of the session:
  // the lease of half a session is renewed in time, the coordinator sees a live member long before
  // expiry, and the others learn of a dead sampler within a tenth of a session after Kafka does.
  const heartbeatInterval = Math.max(300, Math.floor(sessionTimeoutMs / 10));
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: sessionTimeoutMs,
    rebalanceTimeout: Math.max(2 * sessionTimeoutMs, 10_000),
    heartbeatInterval,
    maxWaitTimeInMs: Math.floor(heartbeatInterval / 2),
    allowAutoTopicCreation: false,
    retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 3000 },
  });
  let owns = false;
  let confirmedAt = 0;
  let stopped = false;
  const { GROUP_JOIN, HEARTBEAT, REBALANCING, STOP, CRASH, DISCONNECT } = consumer.events;
  consumer.on(GROUP_JOIN, (event) => {
    confirmedAt = Date.now();
    const was = owns;
    owns = (event.payload.memberAssignment[topic] ?? []).includes(0);
    if (owns && !was) onElected();
  });
  consumer.on(HEARTBEAT, () => (confirmedAt = Date.now()));
  // Stop sampling before rejoining: the partition goes to its next owner only after every member
  // (this one included) has rejoined, so two never sample at once.
  consumer.on(REBALANCING, () => (owns = false));
  consumer.on(STOP, () => (owns = false));
  consumer.on(DISCONNECT, () => (owns = false));
  consumer.on(CRASH, (event) => {
    owns = false;
    if (!event.payload.restart && !stopped) {
      stopped = true;
      void consumer.disconnect().catch(() => {});
      onLost(asRefusal(event.payload.error, `joining consumer group ${groupId}`));
    }
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({ autoCommit: false, eachBatch: async () => {} });
  } catch (error) {
    await consumer.disconnect().catch(() => {});
    throw asRefusal(error, `joining consumer group ${groupId}`);
  }
  return {
    isSampler: () => owns && !stopped && Date.now() - confirmedAt < sessionTimeoutMs / 2,
    stop: async () => {
      stopped = true;
      owns = false;
      await consumer.disconnect().catch(() => {});
    },
  };
}
