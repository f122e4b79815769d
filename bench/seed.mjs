// Seeding shared by the benchmarks (run.mjs, scale.mjs): many small topics, many consumer groups
// with committed offsets, their removal, and the server's resident memory.
import fs from 'node:fs';

/** bench-t-00000 … : the names seedTopics gives. */
export const benchTopicName = (i) => `bench-t-${String(i).padStart(5, '0')}`;

/**
 * Creates topics bench-t-00000 … up to `count` (one partition, one replica), 1,000 per CreateTopics
 * request; those that exist already are kept. Returns the names it created.
 */
export async function seedTopics(kafka, count, log = () => {}) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set((await admin.listTopics()).filter((t) => t.startsWith('bench-t-')));
    const missing = Array.from({ length: count }, (_, i) => benchTopicName(i)).filter((t) => !existing.has(t));
    if (missing.length) log(`Seeding ${missing.length.toLocaleString('en-US')} topics…`);
    for (let i = 0; i < missing.length; i += 1000) {
      const batch = missing.slice(i, i + 1000).map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 }));
      // kafkajs may report a metadata error for topics that are still propagating; they are created anyway.
      await admin.createTopics({ topics: batch, waitForLeaders: false, timeout: 120_000 }).catch((error) => log(`  (batch ${i / 1000}: ${error.message})`));
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** kafkajs's internal cluster (for requests straight to a group's coordinator, as its admin client sends them). */
async function rawCluster(kafka) {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const cluster = kafka[symbol]({});
  await cluster.connect();
  await cluster.refreshMetadata();
  return cluster;
}

/**
 * Commits offsets for groups `from` … `to - 1` (named by `nameOf(i)`), each on the partitions
 * `commitsOf(i)` gives ([{ topic, partitions: [{ partition, offset }] }]), straight to their
 * coordinators, `concurrency` at a time: a group exists once it has committed offsets.
 */
export async function seedGroups(kafka, { from = 0, to, nameOf, commitsOf, concurrency = 200 }) {
  const cluster = await rawCluster(kafka);
  try {
    for (let i = from; i < to; i += concurrency) {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, to - i) }, async (_, j) => {
          const groupId = nameOf(i + j);
          // A coordinator may move or still be loading (a cluster just started): ask again, a few times.
          for (let attempt = 1; ; attempt++) {
            try {
              const coordinator = await cluster.findGroupCoordinator({ groupId });
              await coordinator.offsetCommit({ groupId, groupGenerationId: -1, memberId: '', topics: commitsOf(i + j) });
              return;
            } catch (error) {
              if (!error.retriable || attempt === 5) throw error;
              await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
            }
          }
        }),
      );
    }
  } finally {
    await cluster.disconnect();
  }
}

/**
 * Deletes `groupIds` with DeleteGroups, `batch` per request (kafkajs sends each to its coordinators);
 * a batch that fails (a group already gone) does not stop the others. Returns the failed batches' errors.
 */
export async function deleteGroups(kafka, groupIds, batch = 1000) {
  const admin = kafka.admin();
  await admin.connect();
  const errors = [];
  try {
    for (let i = 0; i < groupIds.length; i += batch) await admin.deleteGroups(groupIds.slice(i, i + batch)).catch((error) => errors.push(error));
    return errors;
  } finally {
    await admin.disconnect();
  }
}

/** Deletes `topics` with DeleteTopics, `batch` per request. */
export async function deleteTopics(kafka, topics, batch = 1000) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let i = 0; i < topics.length; i += batch) await admin.deleteTopics({ topics: topics.slice(i, i + batch), timeout: 120_000 });
  } finally {
    await admin.disconnect();
  }
}

/** Resident memory of process `pid` in bytes (0 once it is gone). */
export function rssOf(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
  } catch {
    return 0;
  }
}
