import { matchesSearch, parseSort, sortRows, toQuery, type SortDirection } from '@/lib/list-view';
import type { TopicSummary } from '@/lib/types/topics';

/** Search and sort of the topic list, kept in the URL. Pure. */

export const TOPIC_SORT_KEYS = ['name', 'partitions', 'replicationFactor', 'sizeBytes', 'messages', 'underReplicatedPartitions', 'offlinePartitions'] as const;
export type TopicSortKey = (typeof TOPIC_SORT_KEYS)[number];

export interface TopicListView {
  q: string;
  sort: TopicSortKey;
  dir: SortDirection;
  internal: boolean;
}

const DEFAULT_VIEW: TopicListView = { q: '', sort: 'name', dir: 'asc', internal: false };

export function parseTopicListView(params: URLSearchParams): TopicListView {
  return { q: params.get('q') ?? '', ...parseSort(params, TOPIC_SORT_KEYS, 'name'), internal: params.get('internal') === 'true' };
}

/** The query string for a view, leaving defaults out so shared URLs stay short. */
export function topicListViewToParams(view: TopicListView): string {
  return toQuery({ ...view }, { ...DEFAULT_VIEW });
}

export function filterAndSortTopics(topics: TopicSummary[], view: Pick<TopicListView, 'q' | 'sort' | 'dir'>): TopicSummary[] {
  const matching = topics.filter((t) => matchesSearch(t.name, view.q));
  return sortRows(
    matching,
    (t) => t[view.sort],
    (t) => t.name,
    view.dir,
  );
}
