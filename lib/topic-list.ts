import type { TopicSummary } from '@/lib/types/topics';

/** Search and sort of the topic list, kept in the URL. Pure. */

export const TOPIC_SORT_KEYS = ['name', 'partitions', 'replicationFactor', 'sizeBytes', 'messages', 'underReplicatedPartitions', 'offlinePartitions'] as const;
export type TopicSortKey = (typeof TOPIC_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface TopicListView {
  q: string;
  sort: TopicSortKey;
  dir: SortDirection;
  internal: boolean;
}

export function parseTopicListView(params: URLSearchParams): TopicListView {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    sort: (TOPIC_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as TopicSortKey) : 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    internal: params.get('internal') === 'true',
  };
}

/** The query string for a view, leaving defaults out so shared URLs stay short. */
export function topicListViewToParams(view: TopicListView): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  if (view.internal) params.set('internal', 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Every whitespace-separated term must appear in the name (case-insensitive). */
export function matchesSearch(name: string, q: string): boolean {
  const lower = name.toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((term) => lower.includes(term));
}

export function filterAndSortTopics(topics: TopicSummary[], view: Pick<TopicListView, 'q' | 'sort' | 'dir'>): TopicSummary[] {
  const sign = view.dir === 'asc' ? 1 : -1;
  const key = view.sort;
  return topics
    .filter((t) => matchesSearch(t.name, view.q))
    .sort((a, b) => {
      const x = a[key];
      const y = b[key];
      // Unknown values (null) go last whatever the direction.
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
      const order = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
      return order !== 0 ? sign * order : a.name.localeCompare(b.name);
    });
}
