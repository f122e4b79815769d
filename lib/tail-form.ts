import { ISOLATIONS, MAX_PAGE, parseStart, type Isolation, type MessageFilter, type TailParams } from './tail-params';
import { DECODE_MODES, type DecodeMode } from './types/messages';
import { compileUserRegex } from './user-regex';

/**
 * The messages page's settings: the URL (shareable) ↔ the form as typed ↔ what the stream is asked.
 * Pure. Every check answers per field, so a bad link or a bad entry marks that field and keeps the rest.
 *
 * Two ways to read: **browse** (from earliest, an offset or a time: pages of N messages, oldest first,
 * "Next page" continuing from where the last one stopped) and **live** (follow new messages, newest
 * first, keeping the last `max`).
 */

export type ReadMode = 'browse' | 'live';
export type StartKind = 'earliest' | 'latest' | 'offset' | 'timestamp';

/** The Tail settings form as typed. */
export interface TailDraft {
  start: StartKind;
  offset: string;
  /** `datetime-local` text, local time. */
  time: string;
  partitions: string;
  filter: string;
  filterMode: MessageFilter['mode'];
  filterOn: MessageFilter['on'];
  mode: ReadMode;
  /** Page size (browse). */
  size: string;
  isolation: Isolation;
  decode: DecodeMode;
}

export type DraftProblems = Partial<Record<keyof TailDraft, string>>;

export const PAGE_SIZES = [100, 500, 1000, 5000];
export const DEFAULT_PAGE_SIZE = 500;
export const KEEP_SIZES = [1000, 5000, 20000, 100_000];
export const DEFAULT_KEEP = 5000;
const FILTER_MAX = 500;
const MODES: ReadMode[] = ['browse', 'live'];
const FILTER_MODES: MessageFilter['mode'][] = ['substring', 'regex'];
const FILTER_ON: MessageFilter['on'][] = ['any', 'key', 'value', 'headers'];

/** Latest means "what comes next": nothing to page through yet, so it follows; any other start pages. */
export const defaultMode = (start: StartKind): ReadMode => (start === 'latest' ? 'live' : 'browse');

/** The URL parameters the form owns; a change to one of them is a new read (the others are views of it). */
export const FORM_PARAMS = ['from', 'partitions', 'filter', 'filterMode', 'filterOn', 'mode', 'live', 'size', 'isolation', 'decode'];

export function toLocalInput(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
}

const oneOf = <T extends string>(values: T[], text: string | null, fallback: T): T | null =>
  text === null ? fallback : (values as string[]).includes(text) ? (text as T) : null;

/** The form as a link describes it, with what is wrong in the link per field (the rest kept as given). */
export function draftFromQuery(query: URLSearchParams, now = Date.now()): { draft: TailDraft; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const fromText = query.get('from') ?? 'latest';
  let spec = parseStart(fromText);
  if (typeof spec !== 'string' && spec.kind === 'positions') spec = 'from=positions: is for the API; choose where to start here';
  if (typeof spec === 'string') problems.start = `"${fromText.slice(0, 40)}": ${spec}`;
  const start = typeof spec === 'string' ? 'latest' : (spec.kind as StartKind);
  const filterMode = oneOf(FILTER_MODES, query.get('filterMode'), 'substring');
  if (!filterMode) problems.filterMode = 'filterMode must be substring or regex';
  const filterOn = oneOf(FILTER_ON, query.get('filterOn'), 'any');
  if (!filterOn) problems.filterOn = 'filterOn must be any, key, value or headers';
  // Links from before the two modes: live=false was a bounded read, now a browse.
  const mode = oneOf(MODES, query.get('mode'), query.get('live') === 'false' ? 'browse' : defaultMode(start));
  if (!mode) problems.mode = 'mode must be browse or live';
  const isolation = oneOf([...ISOLATIONS], query.get('isolation'), 'read_uncommitted');
  if (!isolation) problems.isolation = 'isolation must be read_uncommitted or read_committed';
  const decode = oneOf([...DECODE_MODES], query.get('decode'), 'auto');
  if (!decode) problems.decode = `decode must be one of ${DECODE_MODES.join(', ')}`;
  const draft: TailDraft = {
    start,
    offset: typeof spec !== 'string' && spec.kind === 'offset' ? String(spec.offset) : '0',
    time: toLocalInput(typeof spec !== 'string' && spec.kind === 'timestamp' ? spec.timestamp : now - 3_600_000),
    partitions: query.get('partitions') ?? '',
    filter: query.get('filter') ?? '',
    filterMode: filterMode ?? 'substring',
    filterOn: filterOn ?? 'any',
    mode: mode ?? defaultMode(start),
    size: query.get('size') ?? String(DEFAULT_PAGE_SIZE),
    isolation: isolation ?? 'read_uncommitted',
    decode: decode ?? 'auto',
  };
  const checked = checkDraft(draft, null);
  return { draft, problems: { ...(checked.ok ? {} : checked.problems), ...problems } };
}

export type CheckedDraft = { ok: true; params: TailParams; mode: ReadMode; size: number } | { ok: false; problems: DraftProblems };

/** The form's entries checked field by field; `partitionCount` (when known) catches partitions the topic lacks. */
export function checkDraft(draft: TailDraft, partitionCount: number | null): CheckedDraft {
  const problems: DraftProblems = {};
  if (draft.start === 'offset' && !/^\d{1,18}$/.test(draft.offset.trim())) problems.offset = 'An offset is a whole number, 0 or more';
  const timestamp = new Date(draft.time).getTime();
  if (draft.start === 'timestamp' && !(timestamp >= 0)) problems.time = 'Enter a date and time';
  const partitionTexts = draft.partitions
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const badPartition = partitionTexts.find((p) => !/^\d{1,9}$/.test(p));
  const partitions = [...new Set(partitionTexts.map(Number))].sort((a, b) => a - b);
  const missing = partitionCount === null ? [] : partitions.filter((p) => p >= partitionCount);
  if (badPartition !== undefined) problems.partitions = `"${badPartition.slice(0, 20)}" is not a partition number (use e.g. 0,2)`;
  else if (missing.length)
    problems.partitions = `This topic has no partition ${missing.join(', ')} (it has ${partitionCount === 1 ? '0' : `0–${partitionCount! - 1}`})`;
  if (draft.filter.length > FILTER_MAX) problems.filter = `A filter is limited to ${FILTER_MAX} characters`;
  else if (draft.filter && draft.filterMode === 'regex') {
    const compiled = compileUserRegex(draft.filter); // RE2, as on the server: what is refused here is refused there
    if (!compiled.ok) problems.filter = compiled.problem;
  }
  if (draft.mode === 'browse' && draft.start === 'latest') problems.mode = 'Browse needs a start: earliest, an offset or a time (from latest, choose Live)';
  const size = /^\d{1,6}$/.test(draft.size) ? Number(draft.size) : NaN;
  if (draft.mode === 'browse' && !(size >= 1 && size <= MAX_PAGE)) problems.size = `A page is 1 to ${MAX_PAGE.toLocaleString('en-US')} messages`;
  if (Object.keys(problems).length) return { ok: false, problems };
  const from: TailParams['from'] =
    draft.start === 'offset'
      ? { kind: 'offset', offset: Number(draft.offset.trim()) }
      : draft.start === 'timestamp'
        ? { kind: 'timestamp', timestamp }
        : { kind: draft.start };
  return {
    ok: true,
    mode: draft.mode,
    size: draft.mode === 'browse' ? size : DEFAULT_PAGE_SIZE,
    params: {
      from,
      partitions: partitions.length ? partitions : null,
      filter: draft.filter ? { pattern: draft.filter, mode: draft.filterMode, on: draft.filterOn } : null,
      live: draft.mode === 'live',
      ...(draft.isolation !== 'read_uncommitted' ? { isolation: draft.isolation } : {}),
      ...(draft.decode !== 'auto' ? { decode: draft.decode } : {}),
    },
  };
}

/**
 * The link for checked settings: defaults left out, so `?from=earliest` reads as "browse from the
 * beginning" and the plain page follows live. View settings (`max`, `order`) are kept from `current`.
 */
export function formQuery(checked: Extract<CheckedDraft, { ok: true }>, current: URLSearchParams): string {
  const { params, mode, size } = checked;
  const q = new URLSearchParams();
  const f = params.from;
  if (f.kind !== 'latest') q.set('from', f.kind === 'offset' ? `offset:${f.offset}` : f.kind === 'timestamp' ? `timestamp:${f.timestamp}` : f.kind);
  if (mode !== defaultMode(f.kind as StartKind)) q.set('mode', mode);
  if (mode === 'browse' && size !== DEFAULT_PAGE_SIZE) q.set('size', String(size));
  if (params.partitions) q.set('partitions', params.partitions.join(','));
  if (params.filter) {
    q.set('filter', params.filter.pattern);
    if (params.filter.mode !== 'substring') q.set('filterMode', params.filter.mode);
    if (params.filter.on !== 'any') q.set('filterOn', params.filter.on);
  }
  if (params.isolation && params.isolation !== 'read_uncommitted') q.set('isolation', params.isolation);
  if (params.decode && params.decode !== 'auto') q.set('decode', params.decode);
  for (const [key, value] of current) if (!FORM_PARAMS.includes(key)) q.set(key, value);
  return q.toString();
}

/** The view settings of a link: how many messages a live tail keeps, and the order rows are shown in. */
export function viewFromQuery(query: URLSearchParams, mode: ReadMode): { max: number; newestFirst: boolean } {
  const max = Number(query.get('max'));
  const order = query.get('order');
  return {
    max: KEEP_SIZES.includes(max) ? max : DEFAULT_KEEP,
    newestFirst: order === 'newest' || order === 'oldest' ? order === 'newest' : mode === 'live',
  };
}
