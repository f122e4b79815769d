// Readiness of the local cluster, checked the way a client sees it: brokers registered,
// and a replication-factor-3 topic can be created (then deleted again).
import { BOOTSTRAP } from './nodes.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const PROBE_PREFIX = '__cluster-readiness-';

/**
 * Deletes probe topics, asking again for a few seconds: right after a start the brokers may not
 * know a just-created topic yet, and a probe topic left behind is clutter nobody asked for.
 */
async function deleteProbeTopics(admin, topics) {
  for (let attempt = 0; topics.length && attempt < 10; attempt++) {
    try {
      await admin.deleteTopics({ topics });
      return;
    } catch {
      await sleep(500);
    }
  }
}

async function probe(kafkajs, expectedBrokers) {
  const { Kafka, logLevel } = kafkajs;
  const kafka = new Kafka({
    clientId: 'cluster-readiness',
    brokers: BOOTSTRAP,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 10000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let topic = null;
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    if (brokers.length < expectedBrokers) return `${brokers.length}/${expectedBrokers} brokers registered`;
    if (expectedBrokers < 3) return null;
    // Probes of an earlier start whose deletion did not go through.
    await deleteProbeTopics(
      admin,
      (await admin.listTopics()).filter((t) => t.startsWith(PROBE_PREFIX)),
    );
    topic = `${PROBE_PREFIX}${Date.now()}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 3 }], waitForLeaders: true });
    return null;
  } catch (error) {
    return error.message;
  } finally {
    // Deleted whatever happened: waitForLeaders can fail after the topic was created.
    if (topic) await deleteProbeTopics(admin, [topic]);
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
