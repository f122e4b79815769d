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

/** `groups` sorted in place by `sort` (unknown values last), ties by group id. */
export function sortGroups(groups: GroupSummary[], sort: GroupSortKey, dir: SortDirection): GroupSummary[] {
  return sortRows(
    groups,
    (g) => sortValue(g, sort),
    (g) => g.groupId,
    dir,
  );
}

export function filterAndSortGroups(groups: GroupSummary[], view: GroupListView): GroupSummary[] {
  return sortGroups(
    groups.filter((g) => matchesSearch(g.groupId, view.q) && (!view.state || g.state === view.state)),
    view.sort,
    view.dir,
  );
}
