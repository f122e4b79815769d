import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { clusterScript } from './kafka-cli';
import { createTopicsWithLeaders } from './topics';

/**
 * A 6-partition, replication-factor-3 topic with min.insync.replicas=2 for a test that kills
 * broker 2: created before the file's tests, deleted after them, with broker 2 started again.
 */
export function failoverTopic(prefix: string) {
  const topic = `${prefix}-${Date.now()}`;
  const kafka = new Kafka({ clientId: prefix, brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING, retry: { retries: 10 } });
  const admin = kafka.admin();
  beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 6, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }]);
  });
  afterAll(async () => {
    clusterScript('start-broker', '2');
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  });
  return { topic, kafka, admin };
}
