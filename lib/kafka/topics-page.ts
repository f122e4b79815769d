import 'server-only';
import { pageOf } from '@/lib/list-page';
import { filterTopics, sortTopics, type TopicPageQuery } from '@/lib/topic-page';
import type { TopicPage } from '@/lib/types/topics';
import { withCluster } from './clients';
import { coalesce } from './coalesce';
import { summarizeTopics, topicShape, type TopicShape } from './topic-summaries';
import { listTopics, STALE_TOPICS_MS, topicsCacheKey } from './topics';

/** Sort keys the metadata alone answers: a page sorted by one of them needs the sizes and offsets of its own rows only. */
const SHAPE_SORTS = new Set<string>(['name', 'partitions', 'replicationFactor', 'underReplicatedPartitions', 'offlinePartitions']);

/** Sorted orders of one list (the shared one, kept while it is), so paging does not sort 20,000 topics per request. */
const orders = new WeakMap<TopicShape[], Map<string, TopicShape[]>>();

function sortedOnce<T extends TopicShape>(all: T[], query: TopicPageQuery): T[] {
  let byOrder = orders.get(all);
  if (!byOrder) orders.set(all, (byOrder = new Map()));
  const order = `${query.sort}:${query.dir}:${query.internal}`;
  let sorted = byOrder.get(order) as T[] | undefined;
  if (!sorted) byOrder.set(order, (sorted = sortTopics(query.internal === 'true' ? [...all] : all.filter((t) => !t.internal), query.sort, query.dir)));
  return sorted;
}

/**
 * Every topic's metadata and shape, shared by concurrent pages for two seconds, then answered up to
 * ten seconds old while a new one is read on the background connections (as the full list is). With
 * 20,000 topics the Metadata took the brokers 200–350 ms, most of the server's time for a page; the
 * rows' sizes and offsets are read fresh for every page all the same.
 */
const readShapes = (cluster: string) =>
  coalesce(
    `${topicsCacheKey(cluster)}:shapes`,
    2000,
    (background) =>
      withCluster(cluster, async ({ protocolFor }) => {
        const metadata = await (await protocolFor(background)).metadata();
        const known = metadata.topicMetadata.filter((t) => t.topicErrorCode === 0);
        return { metadata, byName: new Map(known.map((t) => [t.topic, t])), shapes: known.map(topicShape) };
      }),
    { staleMs: STALE_TOPICS_MS },
  );

/**
 * One page of the topics matching `query` in its order, with how many match (`total`) and how many
 * there are (`topicCount`). Sorted by name, partitions or health (the page's default is by name), it
 * takes the shared metadata of every topic (readShapes) and reads the sizes and offsets of the page's
 * rows only: with 20,000 topics a fraction of a full read. Sorted by size or messages, every topic's
 * are needed: the shared list (answered up to ten seconds old while a new one is read).
 */
export async function listTopicsPage(cluster: string, query: TopicPageQuery & { limit: number }): Promise<TopicPage> {
  const { offset, limit } = query;
  if (!SHAPE_SORTS.has(query.sort)) {
    const sorted = sortedOnce(await listTopics(cluster, { includeInternal: true }), query);
    const matching = filterTopics(sorted, query.q);
    return { topics: pageOf(matching, offset, limit), total: matching.length, topicCount: sorted.length, offset, limit };
  }
  const { metadata, byName, shapes } = await readShapes(cluster);
  const sorted = sortedOnce(shapes, query);
  const matching = filterTopics(sorted, query.q);
  const rows = pageOf(matching, offset, limit).map((shape) => byName.get(shape.name)!);
  const topics = rows.length ? await withCluster(cluster, ({ protocol }) => summarizeTopics(cluster, protocol, metadata, rows)) : [];
  return { topics, total: matching.length, topicCount: sorted.length, offset, limit };
}
