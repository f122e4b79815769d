import { z } from '@/lib/zod';

/** The query string of …/messages/stream, parsed and checked. Pure. */

export type StartSpec =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset'; offset: number }
  | { kind: 'timestamp'; timestamp: number }
  /** Resume: the next offset per partition (what Pause remembered). */
  | { kind: 'positions'; positions: Record<number, number> };

export interface MessageFilter {
  pattern: string;
  mode: 'substring' | 'regex';
  on: 'any' | 'key' | 'value' | 'headers';
}

export interface TailParams {
  from: StartSpec;
  partitions: number[] | null;
  filter: MessageFilter | null;
  live: boolean;
}

export function parseStart(text: string): StartSpec | null {
  if (text === 'earliest' || text === 'latest') return { kind: text };
  const offset = text.match(/^offset:(\d{1,18})$/);
  if (offset) return { kind: 'offset', offset: Number(offset[1]) };
  const time = text.match(/^timestamp:(\d{1,15})$/);
  if (time) return { kind: 'timestamp', timestamp: Number(time[1]) };
  const positions = text.match(/^positions:((?:\d{1,9}=\d{1,18},?)+)$/);
  if (positions) {
    return {
      kind: 'positions',
      positions: Object.fromEntries(positions[1].split(',').filter(Boolean).map((kv) => kv.split('=').map(Number))),
    };
  }
  return null;
}

const schema = z.object({
  from: z.string().default('latest').transform((text, ctx) => {
    const start = parseStart(text);
    if (!start) ctx.addIssue({ code: 'custom', message: 'from must be earliest, latest, offset:N, timestamp:EPOCH_MS or positions:P=N,…' });
    return start ?? ({ kind: 'latest' } as StartSpec);
  }),
  partitions: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9})*$/, { error: 'partitions must be a comma-separated list of partition numbers' })
    .transform((text) => [...new Set(text.split(',').map(Number))].sort((a, b) => a - b))
    .optional(),
  filter: z.string().max(500, { error: 'filter is limited to 500 characters' }).optional(),
  filterMode: z.enum(['substring', 'regex'], { error: 'filterMode must be substring or regex' }).default('substring'),
  filterOn: z.enum(['any', 'key', 'value', 'headers'], { error: 'filterOn must be any, key, value or headers' }).default('any'),
  live: z.enum(['true', 'false'], { error: 'live must be true or false' }).default('true'),
});

/** Parses the query; returns the first problem as text when it is invalid. */
export function parseTailParams(query: URLSearchParams): { ok: true; params: TailParams } | { ok: false; problem: string } {
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0].message };
  const { from, partitions, filter, filterMode, filterOn, live } = parsed.data;
  if (filter && filterMode === 'regex') {
    try {
      new RegExp(filter);
    } catch (error) {
      return { ok: false, problem: `filter is not a valid regular expression: ${(error as Error).message}` };
    }
  }
  return {
    ok: true,
    params: { from, partitions: partitions ?? null, filter: filter ? { pattern: filter, mode: filterMode, on: filterOn } : null, live: live === 'true' },
  };
}

/** The query string for a tail, the inverse of parseTailParams (for URLs that can be shared). */
export function tailQuery(params: TailParams): string {
  const q = new URLSearchParams();
  const f = params.from;
  q.set('from', f.kind === 'offset' ? `offset:${f.offset}` : f.kind === 'timestamp' ? `timestamp:${f.timestamp}` : f.kind === 'positions' ? `positions:${Object.entries(f.positions).map(([p, o]) => `${p}=${o}`).join(',')}` : f.kind);
  if (params.partitions) q.set('partitions', params.partitions.join(','));
  if (params.filter) {
    q.set('filter', params.filter.pattern);
    if (params.filter.mode !== 'substring') q.set('filterMode', params.filter.mode);
    if (params.filter.on !== 'any') q.set('filterOn', params.filter.on);
  }
  if (!params.live) q.set('live', 'false');
  return q.toString();
}

/** A predicate over decoded key, value and headers text. */
export function messageMatcher(filter: MessageFilter | null): (parts: { key: string; value: string; headers: string }) => boolean {
  if (!filter) return () => true;
  const test = filter.mode === 'regex'
    ? ((re) => (s: string) => re.test(s))(new RegExp(filter.pattern))
    : (s: string) => s.includes(filter.pattern);
  return ({ key, value, headers }) =>
    filter.on === 'key' ? test(key) : filter.on === 'value' ? test(value) : filter.on === 'headers' ? test(headers) : test(key) || test(value) || test(headers);
}
