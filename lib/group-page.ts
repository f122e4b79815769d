import { z } from '@/lib/zod';
import { matchesSearch } from '@/lib/list-view';
import { countParam as count } from '@/lib/list-page';
import { GROUP_SORT_KEYS, type GroupListView } from '@/lib/group-list';
import type { GroupSummary, LagStatus } from '@/lib/types/groups';

/**
 * One page of the group list, chosen on the server: with 100,000 groups the browser gets the
 * rows it shows, not every group before its first paint. Search, filters and sort apply to all
 * groups before the page is cut. Pure.
 */

/** Rows per page at most: a page is for a person to read, not a bulk export (no `limit` gives every group). */
export const MAX_GROUP_PAGE = 1000;
export const GROUP_PAGE_SIZE = 100;

const STATUSES = ['ok', 'lagging', 'stalled', 'no-consumer', 'stopped', 'reset', 'unknown'] as const satisfies readonly LagStatus[];

/** The query string of GET /api/clusters/{c}/groups; unknown parameters are ignored. */
export const groupPageQuerySchema = z.object({
  limit: count('limit', 1, MAX_GROUP_PAGE).optional(),
  offset: count('offset', 0, 999_999_999).default(0),
  q: z.string().max(200, 'q must be at most 200 characters').default(''),
  state: z.string().max(50, 'state must be at most 50 characters').default(''),
  status: z.union([z.enum(STATUSES), z.literal('')], { message: `status must be one of ${STATUSES.join(', ')}` }).default(''),
  sort: z.enum(GROUP_SORT_KEYS, { message: `sort must be one of ${GROUP_SORT_KEYS.join(', ')}` }).default('groupId'),
  dir: z.enum(['asc', 'desc'], { message: 'dir must be asc or desc' }).default('asc'),
});

export type GroupPageQuery = z.infer<typeof groupPageQuerySchema>;

/** Whether `view` narrows the list at all (else the sorted list is the answer as it is). */
export const filters = (view: Pick<GroupPageQuery, 'q' | 'state' | 'status'>) => Boolean(view.q.trim() || view.state || view.status);

/** The groups of `sorted` (already in the view's order) that match its search and filters, order kept. */
export function filterGroups(sorted: GroupSummary[], view: Pick<GroupPageQuery, 'q' | 'state' | 'status'>): GroupSummary[] {
  if (!filters(view)) return sorted;
  return sorted.filter((g) => (!view.state || g.state === view.state) && (!view.status || g.status === view.status) && matchesSearch(g.groupId, view.q));
}

/** The query string the groups page asks the API for: its view plus the page's rows. */
export function groupPageParams(view: GroupListView & { status?: string }, page: number, size = GROUP_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(size), offset: String(Math.max(0, page - 1) * size) });
  if (view.q) params.set('q', view.q);
  if (view.state) params.set('state', view.state);
  if (view.status) params.set('status', view.status);
  if (view.sort !== 'groupId') params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  return params.toString();
}
