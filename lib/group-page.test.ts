import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '@/lib/types/groups';
import { sortGroups } from './group-list';
import { filterGroups, groupPageParams, groupPageQuerySchema } from './group-page';
import { pageOf } from './list-page';

const group = (groupId: string, extra: Partial<GroupSummary> = {}): GroupSummary => ({
  groupId,
  type: 'classic',
  state: 'Empty',
  protocolType: 'consumer',
  members: 0,
  topics: [],
  totalLag: 0,
  status: 'ok',
  statusReason: '',
  lagTrend: [],
  ...extra,
});

const parse = (query: string) => groupPageQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));

describe('group page query', () => {
  it('reads limit, offset, search, filters and sort, with defaults', () => {
    expect(parse('limit=50&offset=100&q=bill&state=Stable&status=lagging&sort=totalLag&dir=desc').data).toEqual({
      limit: 50,
      offset: 100,
      q: 'bill',
      state: 'Stable',
      status: 'lagging',
      sort: 'totalLag',
      dir: 'desc',
    });
    expect(parse('').data).toEqual({ limit: undefined, offset: 0, q: '', state: '', status: '', sort: 'groupId', dir: 'asc' });
  });

  it.each([
    ['limit=0', 'limit must be between 1 and 1,000'],
    ['limit=1001', 'limit must be between 1 and 1,000'],
    ['limit=-1', 'limit must be a whole number'],
    ['limit=2.5', 'limit must be a whole number'],
    ['limit=ten', 'limit must be a whole number'],
    ['limit=10&offset=-5', 'offset must be a whole number'],
    ['limit=10&offset=1e3', 'offset must be a whole number'],
    ['limit=10&sort=name', 'sort must be one of groupId, state, members, totalLag, status'],
    ['limit=10&dir=up', 'dir must be asc or desc'],
    ['limit=10&status=fine', 'status must be one of'],
  ])('refuses %s', (query, message) => {
    const result = parse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });
});

describe('group pages', () => {
  const groups = Array.from({ length: 250 }, (_, i) =>
    group(`g-${String(i).padStart(3, '0')}`, { totalLag: i % 7 === 0 ? null : i % 10, state: i % 2 ? 'Stable' : 'Empty', status: i % 5 ? 'ok' : 'lagging' }),
  );

  it('cuts pages of the sorted, filtered groups, and the pages together are all of them once', () => {
    const sorted = sortGroups([...groups], 'totalLag', 'desc');
    const matching = filterGroups(sorted, { q: '', state: 'Stable', status: '' });
    expect(matching).toHaveLength(125);
    const pages = [0, 50, 100].map((offset) => pageOf(matching, offset, 50));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 25]);
    expect(pages.flat()).toEqual(matching);
    // Biggest lag first, unknown lag last, ties by group id.
    expect(pages[0][0].totalLag).toBe(9);
    expect(pages[2].at(-1)!.totalLag).toBeNull();
    const lags = pages.flat().map((g) => g.totalLag ?? -1);
    expect(lags).toEqual([...lags].sort((a, b) => b - a));
  });

  it('filters by search terms, state and status together, keeping the order', () => {
    const sorted = sortGroups([...groups], 'groupId', 'desc');
    expect(filterGroups(sorted, { q: 'G-1 5', state: '', status: '' }).map((g) => g.groupId)).toEqual(
      sorted.filter((g) => g.groupId.startsWith('g-1') && g.groupId.includes('5')).map((g) => g.groupId),
    );
    // Even numbers are Empty, multiples of 5 lagging: the multiples of 10, still newest name first.
    const emptyAndLagging = filterGroups(sorted, { q: '', state: 'Empty', status: 'lagging' }).map((g) => g.groupId);
    expect(emptyAndLagging).toHaveLength(25);
    expect(emptyAndLagging.slice(0, 3)).toEqual(['g-240', 'g-230', 'g-220']);
    expect(emptyAndLagging.every((id) => Number(id.slice(2)) % 10 === 0)).toBe(true);
    expect(filterGroups(sorted, { q: '', state: '', status: '' })).toBe(sorted);
  });

  it('gives an empty page past the end', () => {
    expect(pageOf(groups, 300, 100)).toEqual([]);
  });

  it('asks the API for the view and the page', () => {
    expect(groupPageParams({ q: 'bill', state: '', sort: 'groupId', dir: 'asc' }, 1)).toBe('limit=100&offset=0&q=bill');
    expect(groupPageParams({ q: '', state: 'Stable', sort: 'totalLag', dir: 'desc', status: 'stalled' }, 3, 50)).toBe(
      'limit=50&offset=100&state=Stable&status=stalled&sort=totalLag&dir=desc',
    );
  });
});
