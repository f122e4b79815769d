import 'server-only';
import { withCluster } from './clients';
import { listBrokers } from './brokers';
import { ApiError, notFound } from './errors';
import { groupMissing, groupsSnapshot } from './groups';
import { topicMetadata } from './topics';

export type Existence = 'found' | 'missing' | 'unknown';

/** How long a page waits for Kafka before leaving the answer to the page's own view. */
const LOOKUP_TIMEOUT_MS = 4000;

/**
 * Whether a resource a page is about exists, so a missing one answers a real 404 page. "missing" only
 * when Kafka says so (a 404, or a 400 for a name it refuses); a slow or unreachable cluster is "unknown", and the page renders
 * its view, which shows the unreachable state and recovers by itself.
 */
export async function lookup(check: () => Promise<unknown>, timeoutMs = LOOKUP_TIMEOUT_MS): Promise<Existence> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Existence>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), timeoutMs);
  });
  const answer = check().then(
    (): Existence => 'found',
    // 400: Kafka refused the name itself (INVALID_TOPIC_EXCEPTION), so nothing by that name exists either.
    (error: unknown): Existence => (error instanceof ApiError && (error.status === 404 || error.status === 400) ? 'missing' : 'unknown'),
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One Metadata request for the topic (shared with nothing: the topic page asks for more). */
export const topicExists = (cluster: string, topic: string) => lookup(() => withCluster(cluster, ({ protocol }) => topicMetadata(protocol, topic)));

/** The brokers list the page's own request shares for two seconds (coalesced). */
export const brokerExists = (cluster: string, nodeId: number) =>
  lookup(async () => {
    const { brokers } = await listBrokers(cluster);
    if (!brokers.some((b) => b.nodeId === nodeId)) throw notFound('BROKER_NOT_FOUND', `No broker with node id ${nodeId}`);
  });

/** The groups snapshot the page's own request shares (coalesced); the same rule as getGroup. */
export const groupExists = (cluster: string, groupId: string) =>
  lookup(async () => {
    const snapshot = await groupsSnapshot(cluster);
    if (!snapshot.groups.some((g) => g.groupId === groupId)) throw groupMissing(snapshot, groupId);
  });
