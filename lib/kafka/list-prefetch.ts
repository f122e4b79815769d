import 'server-only';
import { dehydrate, type DehydratedState, QueryClient } from '@tanstack/react-query';
import { groupKeys } from '@/lib/api/groups';
import { topicKeys } from '@/lib/api/topics';
import { parseGroupListView } from '@/lib/group-list';
import { groupPageParams, groupPageQuerySchema } from '@/lib/group-page';
import { pageNumber } from '@/lib/list-view';
import { parseTopicListView } from '@/lib/topic-list';
import { topicPageParams, topicPageQuerySchema } from '@/lib/topic-page';
import { listGroupsPage } from './groups-list';
import { listTopicsPage } from './topics-page';

/** How long a page's HTML waits for its first rows; slower (a cold sample, a cluster away), the browser asks for them itself. */
const PREFETCH_WAIT_MS = 1500;

type SearchParams = Record<string, string | string[] | undefined>;
const toParams = (search: SearchParams) =>
  new URLSearchParams(Object.entries(search).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));

/**
 * The first page of a list, read on the server while it renders the page and handed to the
 * browser's query cache (the same key the list's hook asks for): the rows are in the HTML, not one
 * round trip after the scripts have run. Nothing when it takes too long or fails.
 */
async function prefetch(queryKey: readonly unknown[], load: () => Promise<unknown>): Promise<DehydratedState | null> {
  const client = new QueryClient();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), PREFETCH_WAIT_MS)));
  const data = await Promise.race([load().catch(() => 'late' as const), late]).finally(() => clearTimeout(timer));
  if (data === 'late') return null;
  client.setQueryData(queryKey, data);
  return dehydrate(client);
}

/** The groups page's first rows for `search` (its URL's query), as GroupsView asks for them. */
export function prefetchGroupsPage(cluster: string, search: SearchParams) {
  const query = toParams(search);
  const params = groupPageParams(parseGroupListView(query), pageNumber(query));
  const parsed = groupPageQuerySchema.parse(Object.fromEntries(new URLSearchParams(params)));
  return prefetch(groupKeys.page(cluster, params), () => listGroupsPage(cluster, { ...parsed, limit: parsed.limit ?? 100 }));
}

/** The topics page's first rows for `search`, as TopicsView asks for them. */
export function prefetchTopicsPage(cluster: string, search: SearchParams) {
  const query = toParams(search);
  const params = topicPageParams(parseTopicListView(query), pageNumber(query));
  const parsed = topicPageQuerySchema.parse(Object.fromEntries(new URLSearchParams(params)));
  return prefetch(topicKeys.page(cluster, params), () => listTopicsPage(cluster, { ...parsed, limit: parsed.limit ?? 100 }));
}
