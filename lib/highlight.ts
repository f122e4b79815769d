import { RE2JS } from 're2js';
import type { MessageFilter } from './tail-params';
import { compileUserRegex } from './user-regex';

/**
 * Where a tail's filter matches the text shown in a row, so the row can mark it. Pure; runs in the
 * browser on the previews of the visible rows only. Regular expressions go through RE2 (re2js, the
 * engine the server filters with), so a hostile pattern costs linear time here too.
 */

export type Segment = { text: string; match: boolean };
export type PreviewField = 'key' | 'value';
export type Highlighter = (text: string, field: PreviewField) => Segment[];

/** A preview marks at most this many matches (a one-letter pattern on a 300-character value). */
export const MAX_MATCHES = 50;

/** [start, end) of each non-empty match, left to right, without overlaps. */
type Range = [number, number];

function substringRanges(text: string, pattern: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf(pattern); at >= 0 && ranges.length < MAX_MATCHES; at = text.indexOf(pattern, at + pattern.length)) {
    ranges.push([at, at + pattern.length]);
  }
  return ranges;
}

function regexRanges(text: string, re: RE2JS): Range[] {
  const ranges: Range[] = [];
  const matcher = re.matcher(text);
  // An empty match (`a*` between letters) marks nothing; find() moves past it by itself.
  while (ranges.length < MAX_MATCHES && matcher.find()) {
    if (matcher.end() > matcher.start()) ranges.push([matcher.start(), matcher.end()]);
  }
  return ranges;
}

/** The text cut into plain and matched pieces, in order; joined they give the text back. */
export function segments(text: string, ranges: Range[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || !out.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/**
 * A function marking `filter`'s matches in a key or value preview, or null when there is nothing to
 * mark (no filter, an empty pattern, a pattern RE2 refuses). Fields the filter does not look at
 * (on=value: the key) come back as one plain segment; headers are not in the row's previews.
 */
export function highlighter(filter: MessageFilter | null | undefined): Highlighter | null {
  if (!filter?.pattern) return null;
  let find: (text: string) => Range[];
  if (filter.mode === 'regex') {
    // Same checks as the server (syntax, program size) before compiling for match positions.
    if (!compileUserRegex(filter.pattern).ok) return null;
    const re = RE2JS.compile(filter.pattern);
    find = (text) => regexRanges(text, re);
  } else {
    find = (text) => substringRanges(text, filter.pattern);
  }
  return (text, field) => (filter.on === 'any' || filter.on === field ? segments(text, find(text)) : [{ text, match: false }]);
}
