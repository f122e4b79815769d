import { describe, expect, it } from 'vitest';
import { matchesSearch, parseSort, sortRows, toQuery } from './list-view';

describe('list view', () => {
  it('matches every search term, case-insensitively', () => {
    expect(matchesSearch('Orders-EU-prod', 'eu ORDERS')).toBe(true);
    expect(matchesSearch('orders', 'orders us')).toBe(false);
  });

  it('reads a known sort key, else the default', () => {
    expect(parseSort(new URLSearchParams('sort=size&dir=desc'), ['name', 'size'] as const, 'name')).toEqual({ sort: 'size', dir: 'desc' });
    expect(parseSort(new URLSearchParams('sort=evil'), ['name', 'size'] as const, 'name')).toEqual({ sort: 'name', dir: 'asc' });
  });

  it('writes only what differs from the defaults', () => {
    expect(toQuery({ q: 'a b', sort: 'name', internal: true }, { q: '', sort: 'name', internal: false })).toBe('?q=a+b&internal=true');
    expect(toQuery({ q: '' }, { q: '' })).toBe('');
  });

  it('sorts nulls last in both directions, ties by name', () => {
    const rows = [
      { n: 'b', v: 2 },
      { n: 'a', v: null },
      { n: 'c', v: 2 },
      { n: 'd', v: 1 },
    ];
    const names = (dir: 'asc' | 'desc') =>
      sortRows(
        [...rows],
        (r) => r.v,
        (r) => r.n,
        dir,
      ).map((r) => r.n);
    expect(names('asc')).toEqual(['d', 'b', 'c', 'a']);
    expect(names('desc')).toEqual(['b', 'c', 'd', 'a']);
  });
});
