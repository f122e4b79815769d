import type { GroupSummary } from '@/lib/types/groups';
import { SEVERITY } from './lag-status';
import { matchesSearch, type SortDirection } from './topic-list';

/** Search, state filter and sort of the group list, kept in the URL. Pure. */
export const GROUP_SORT_KEYS = ['groupId', 'state', 'members', 'totalLag', 'status'] as const;
export type GroupSortKey = (typeof GROUP_SORT_KEYS)[number];

export interface GroupListView {
  q: string;
  state: string;
  sort: GroupSortKey;
  dir: SortDirection;
}

export function parseGroupListView(params: URLSearchParams): GroupListView {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    state: params.get('state') ?? '',
    sort: (GROUP_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as GroupSortKey) : 'groupId',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function groupListViewToParams(view: GroupListView): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.state) params.set('state', view.state);
  if (view.sort !== 'groupId') params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const sortValue = (g: GroupSummary, key: GroupSortKey): string | number | null =>
  key === 'status' ? SEVERITY[g.status] : key === 'totalLag' ? g.totalLag : g[key];

export function filterAndSortGroups(groups: GroupSummary[], view: GroupListView): GroupSummary[] {
  const sign = view.dir === 'asc' ? 1 : -1;
  return groups
    .filter((g) => matchesSearch(g.groupId, view.q) && (!view.state || g.state === view.state))
    .sort((a, b) => {
      const x = sortValue(a, view.sort);
      const y = sortValue(b, view.sort);
      if (x === null || y === null) return x === y ? a.groupId.localeCompare(b.groupId) : x === null ? 1 : -1;
      const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
      return order !== 0 ? sign * order : a.groupId.localeCompare(b.groupId);
    });
}
