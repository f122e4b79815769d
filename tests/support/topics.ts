import type { Admin, ITopicConfig } from 'kafkajs';
import { waitFor } from './kafka-cli';

/**
 * Creates topics and waits until every partition has a leader. kafkajs's own `waitForLeaders`
 * throws "This server does not host this topic-partition" when a broker's metadata lags just after
 * a restart (chaos tests restart brokers), although the topic was created; this polls instead.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: ITopicConfig[]) {
  await admin.createTopics({ topics, waitForLeaders: false });
  const names = topics.map((t) => t.topic);
  await waitFor(async () => {
    const { topics: found } = await admin.fetchTopicMetadata({ topics: names });
    return found.length === names.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)) ? true : undefined;
  }, 30_000, 200);
}
