import { matchesSearch, parseSort, sortRows, toQuery, type SortDirection } from '@/lib/list-view';
import type { GroupSummary } from '@/lib/types/groups';
import { SEVERITY } from './lag-status';

/** Search, state filter and sort of the group list, kept in the URL. Pure. */
export const GROUP_SORT_KEYS = ['groupId', 'state', 'members', 'totalLag', 'status'] as const;
export type GroupSortKey = (typeof GROUP_SORT_KEYS)[number];

export interface GroupListView {
  q: string;
  state: string;
  sort: GroupSortKey;
  dir: SortDirection;
}

const DEFAULT_VIEW: GroupListView = { q: '', state: '', sort: 'groupId', dir: 'asc' };

export function parseGroupListView(params: URLSearchParams): GroupListView {
  return { q: params.get('q') ?? '', state: params.get('state') ?? '', ...parseSort(params, GROUP_SORT_KEYS, 'groupId') };
}

export function groupListViewToParams(view: GroupListView): string {
  return toQuery({ ...view }, { ...DEFAULT_VIEW });
}

const sortValue = (g: GroupSummary, key: GroupSortKey): string | number | null =>
  key === 'status' ? SEVERITY[g.status] : key === 'totalLag' ? g.totalLag : g[key];

export function filterAndSortGroups(groups: GroupSummary[], view: GroupListView): GroupSummary[] {
  const matching = groups.filter((g) => matchesSearch(g.groupId, view.q) && (!view.state || g.state === view.state));
  return sortRows(matching, (g) => sortValue(g, view.sort), (g) => g.groupId, view.dir);
}
