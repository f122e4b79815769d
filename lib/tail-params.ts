import { z } from '@/lib/zod';
import { compileUserRegex } from './user-regex';
import type { MessageFilter } from './message-filter';
import type { DecodeMode } from './types/messages';

/** The query string of …/messages/stream, parsed and checked. Pure. */

export type StartSpec =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset'; offset: number }
  | { kind: 'timestamp'; timestamp: number }
  /** Resume: the next offset per partition (what Pause remembered). */
  | { kind: 'positions'; positions: Map<number, number> };

export { messageMatcher, type MessageFilter } from './message-filter';

export interface TailParams {
  from: StartSpec;
  partitions: number[] | null;
  filter: MessageFilter | null;
  live: boolean;
  /**
   * Browse paging: stop after this many messages (after the filter), taken across partitions in
   * timestamp order (lib/kafka/tail-page.ts); the `done` status's positions are where the next page starts.
   */
  limit?: number;
  /** read_uncommitted (default) marks aborted and still-open transactions' records; read_committed leaves them out. */
  isolation?: Isolation;
  /** How keys and values are shown (auto by default: registry formats decoded, else text or binary); read by the stream route. */
  decode?: DecodeMode;
}

/** Kafka's isolation levels, as a consumer's `isolation.level` names them. */
export const ISOLATIONS = ['read_uncommitted', 'read_committed'] as const;
export type Isolation = (typeof ISOLATIONS)[number];

/** The largest page: what the browser keeps at most. */
export const MAX_PAGE = 100_000;

/** Longest `positions:` text taken: a few thousand partitions, more than a URL can carry anyway. */
export const MAX_POSITIONS_TEXT = 64 * 1024;
const FROM_HINT = 'from must be earliest, latest, offset:N, timestamp:EPOCH_MS or positions:P=N,…';

// Bounded runs of digits, nothing nested: the text is split first, so no pattern backtracks.
const isDigits = (text: string, max: number) => text.length <= max && /^\d+$/.test(text);

/** `P=N,P=N,…` (a trailing comma allowed, as Resume writes it) into a Map, or what is wrong with it. */
function parsePositions(text: string): StartSpec | string {
  if (text.length > MAX_POSITIONS_TEXT) return `from=positions: is limited to ${MAX_POSITIONS_TEXT} characters`;
  const positions = new Map<number, number>();
  const entries = text.split(',');
  if (entries.at(-1) === '') entries.pop();
  if (!entries.length) return 'from=positions: needs at least one PARTITION=OFFSET';
  for (const entry of entries) {
    const [partition, offset, extra] = entry.split('=', 3);
    if (extra !== undefined || offset === undefined || !isDigits(partition, 9) || !isDigits(offset, 18)) {
      return `from=positions: "${entry.slice(0, 40)}" is not PARTITION=OFFSET (whole numbers, up to 9 and 18 digits)`;
    }
    if (positions.has(Number(partition))) return `from=positions: partition ${Number(partition)} is given twice`;
    positions.set(Number(partition), Number(offset));
  }
  return { kind: 'positions', positions };
}

/** The `from` parameter, or a sentence saying what is wrong with it. */
export function parseStart(text: string): StartSpec | string {
  if (text === 'earliest' || text === 'latest') return { kind: text };
  const colon = text.indexOf(':');
  if (colon < 0) return FROM_HINT;
  const [kind, value] = [text.slice(0, colon), text.slice(colon + 1)];
  if (kind === 'offset' && isDigits(value, 18)) return { kind: 'offset', offset: Number(value) };
  if (kind === 'timestamp' && isDigits(value, 15)) return { kind: 'timestamp', timestamp: Number(value) };
  if (kind === 'positions') return parsePositions(value);
  return FROM_HINT;
}

const schema = z.object({
  from: z
    .string()
    .default('latest')
    .transform((text, ctx) => {
      const start = parseStart(text);
      if (typeof start === 'string') ctx.addIssue({ code: 'custom', message: start });
      return typeof start === 'string' ? ({ kind: 'latest' } as StartSpec) : start;
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
  limit: z
    .string()
    .regex(/^\d{1,6}$/, { error: `limit must be a whole number from 1 to ${MAX_PAGE}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PAGE, { error: `limit must be a whole number from 1 to ${MAX_PAGE}` })
    .optional(),
  isolation: z.enum(ISOLATIONS, { error: 'isolation must be read_uncommitted or read_committed' }).default('read_uncommitted'),
});

/** Parses the query; returns the first problem as text when it is invalid. */
export function parseTailParams(query: URLSearchParams): { ok: true; params: TailParams } | { ok: false; problem: string } {
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0].message };
  const { from, partitions, filter, filterMode, filterOn, live, limit, isolation } = parsed.data;
  // A page ends; a live tail does not: "the next N messages to arrive" is not a page.
  if (limit !== undefined && live === 'true') return { ok: false, problem: 'limit needs live=false (a page of a bounded read)' };
  if (filter && filterMode === 'regex') {
    const compiled = compileUserRegex(filter);
    if (!compiled.ok) return { ok: false, problem: `filter: ${compiled.problem}` };
  }
  const params: TailParams = {
    from,
    partitions: partitions ?? null,
    filter: filter ? { pattern: filter, mode: filterMode, on: filterOn } : null,
    live: live === 'true',
  };
  if (limit !== undefined) params.limit = limit;
  if (isolation !== 'read_uncommitted') params.isolation = isolation;
  return { ok: true, params };
}

/** The query string for a tail, the inverse of parseTailParams (for URLs that can be shared). */
export function tailQuery(params: TailParams): string {
  const q = new URLSearchParams();
  const f = params.from;
  q.set(
    'from',
    f.kind === 'offset'
      ? `offset:${f.offset}`
      : f.kind === 'timestamp'
        ? `timestamp:${f.timestamp}`
        : f.kind === 'positions'
          ? `positions:${[...f.positions].map(([p, o]) => `${p}=${o}`).join(',')}`
          : f.kind,
  );
  if (params.partitions) q.set('partitions', params.partitions.join(','));
  if (params.filter) {
    q.set('filter', params.filter.pattern);
    if (params.filter.mode !== 'substring') q.set('filterMode', params.filter.mode);
    if (params.filter.on !== 'any') q.set('filterOn', params.filter.on);
  }
  if (!params.live) q.set('live', 'false');
  if (params.limit !== undefined) q.set('limit', String(params.limit));
  if (params.isolation && params.isolation !== 'read_uncommitted') q.set('isolation', params.isolation);
  if (params.decode && params.decode !== 'auto') q.set('decode', params.decode);
  return q.toString();
}
