// Readiness of the local cluster, checked the way a client sees it: brokers registered,
// and a replication-factor-3 topic can be created (then deleted again).
import { BOOTSTRAP } from './nodes.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe(kafkajs, expectedBrokers) {
  const { Kafka, logLevel } = kafkajs;
  const kafka = new Kafka({
    clientId: 'cluster-readiness', brokers: BOOTSTRAP, logLevel: logLevel.NOTHING,
    connectionTimeout: 2000, requestTimeout: 10000, retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let topic = null;
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    if (brokers.length < expectedBrokers) return `${brokers.length}/${expectedBrokers} brokers registered`;
    if (expectedBrokers < 3) return null;
    topic = `__cluster-readiness-${Date.now()}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 3 }], waitForLeaders: true });
    return null;
  } catch (error) {
    return error.message;
  } finally {
    // Deleted whatever happened: waitForLeaders can fail after the topic was created.
    if (topic) await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

/** Polls until the cluster answers as expected; stops early when a node died. */
export async function waitUntilReady({ expectedBrokers, timeoutMs, isAlive }) {
  const kafkajs = (await import('kafkajs')).default;
  const deadline = Date.now() + timeoutMs;
  let reason = 'not checked';
  while (Date.now() < deadline) {
    if (!isAlive()) return { ok: false, reason: 'a node exited during start' };
    reason = await probe(kafkajs, expectedBrokers);
    if (reason === null) return { ok: true, brokers: expectedBrokers };
    await sleep(1000);
  }
  return { ok: false, reason: `timed out: ${reason}` };
}
