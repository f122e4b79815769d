import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import { waitFor } from './kafka-cli';

/**
 * Creates topics and waits until every partition has a leader. kafkajs's own `waitForLeaders`
 * throws "This server does not host this topic-partition" when a broker's metadata lags just after
 * a restart (chaos tests restart brokers), although the topic was created; this polls instead.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: ITopicConfig[]) {
  await admin.createTopics({ topics, waitForLeaders: false });
  const names = topics.map((t) => t.topic);
  await waitFor(
    async () => {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: names });
      return found.length === names.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)) ? true : undefined;
    },
    30_000,
    200,
  );
  // kafkajs asks a random broker each time: several answers in a row listing the topics mean the
  // brokers' metadata has caught up (Kafka 3.9 brokers can lag behind the one asked first).
  let inARow = 0;
  await waitFor(
    async () => {
      const listed = new Set(await admin.listTopics());
      inARow = names.every((n) => listed.has(n)) ? inARow + 1 : 0;
      return inARow >= 10 ? true : undefined;
    },
    30_000,
    100,
  );
}

/**
 * A producer whose retried sends never write twice (idempotent): right after a topic is created,
 * Kafka 3.9 brokers answer "not leader" for a moment and a plain producer's retries duplicate.
 */
export const idempotentProducer = (kafka: Kafka) => kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
