/**
 * What the topic and group lists share: search terms, a sort key and direction read from and
 * written to the URL (defaults left out, so shared links stay short), and a sort that puts
 * unknown values last whatever the direction. Pure.
 */

export type SortDirection = 'asc' | 'desc';

/** Every whitespace-separated term must appear in the name (case-insensitive). */
export function matchesSearch(name: string, q: string): boolean {
  const lower = name.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => lower.includes(term));
}

/** The sort key in `params` if it is one of `keys`, else `fallback`; the direction, ascending by default. */
export function parseSort<K extends string>(params: URLSearchParams, keys: readonly K[], fallback: K): { sort: K; dir: SortDirection } {
  const sort = params.get('sort');
  return {
    sort: (keys as readonly string[]).includes(sort ?? '') ? (sort as K) : fallback,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** A query string from the values that differ from their defaults ('' when all are defaults). */
export function toQuery(values: Record<string, string | boolean>, defaults: Record<string, string | boolean>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== defaults[key]) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Sorts by `value` (nulls last in both directions), ties broken by `name`. */
export function sortRows<T>(rows: T[], value: (row: T) => string | number | null, name: (row: T) => string, dir: SortDirection): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? name(a).localeCompare(name(b)) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return order !== 0 ? sign * order : name(a).localeCompare(name(b));
  });
}

/** The 1-based page number in `params` (`page`), 1 when missing or not a positive number. */
export function pageNumber(params: URLSearchParams): number {
  return Math.max(1, Math.floor(Number(params.get('page'))) || 1);
}
