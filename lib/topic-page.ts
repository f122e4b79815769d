import { z } from '@/lib/zod';
import { countParam as count } from '@/lib/list-page';
import { matchesSearch, sortRows } from '@/lib/list-view';
import { TOPIC_SORT_KEYS, type TopicListView } from '@/lib/topic-list';
import type { TopicSummary } from '@/lib/types/topics';

/**
 * One page of the topic list, chosen on the server (as lib/group-page.ts for groups): with 20,000
 * topics the browser gets the rows it shows. Search and sort apply to all topics first. Pure.
 */

export const MAX_TOPIC_PAGE = 1000;
export const TOPIC_PAGE_SIZE = 100;

/** The query string of GET /api/clusters/{c}/topics; without `limit` every topic is answered. */
export const topicPageQuerySchema = z.object({
  limit: count('limit', 1, MAX_TOPIC_PAGE).optional(),
  offset: count('offset', 0, 999_999_999).default(0),
  q: z.string().max(200, 'q must be at most 200 characters').default(''),
  sort: z.enum(TOPIC_SORT_KEYS, { message: `sort must be one of ${TOPIC_SORT_KEYS.join(', ')}` }).default('name'),
  dir: z.enum(['asc', 'desc'], { message: 'dir must be asc or desc' }).default('asc'),
  internal: z.enum(['true', 'false'], { message: 'internal must be true or false' }).default('false'),
});

export type TopicPageQuery = z.infer<typeof topicPageQuerySchema>;

/** What a topic list row must have to be sorted and searched: sizes and message counts may be missing (still unread). */
type SortableTopic = Pick<TopicSummary, 'name' | 'internal'> & Partial<TopicSummary>;

/** `topics` sorted in place by `sort` (unknown values last), ties by name. */
export const sortTopics = <T extends SortableTopic>(topics: T[], sort: TopicListView['sort'], dir: TopicListView['dir']) =>
  sortRows(
    topics,
    (t) => t[sort] ?? null,
    (t) => t.name,
    dir,
  );

/** The topics of `sorted` (in the view's order) matching the search, order kept. */
export const filterTopics = <T extends SortableTopic>(sorted: T[], q: string) => (q.trim() ? sorted.filter((t) => matchesSearch(t.name, q)) : sorted);

/** The query string the topics page asks the API for: its view plus the page's rows. */
export function topicPageParams(view: TopicListView, page: number, size = TOPIC_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(size), offset: String(Math.max(0, page - 1) * size) });
  if (view.q) params.set('q', view.q);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  if (view.internal) params.set('internal', 'true');
  return params.toString();
}
