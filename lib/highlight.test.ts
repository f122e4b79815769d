import { describe, expect, it } from 'vitest';
import { highlighter, MAX_MATCHES, segments } from './highlight';
import type { MessageFilter } from './tail-params';

const mark = (filter: MessageFilter, text: string, field: 'key' | 'value' = 'value') =>
  highlighter(filter)!(text, field)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join('');

describe('highlighter', () => {
  it('marks every substring match, case as typed', () => {
    expect(mark({ pattern: 'GET', mode: 'substring', on: 'any' }, 'GET /a GET /b get /c')).toBe('[GET] /a [GET] /b get /c');
  });

  it('marks regex matches found by RE2, (?i) included', () => {
    expect(mark({ pattern: '(?i)err(or)?', mode: 'regex', on: 'any' }, 'ok ERROR err Erring')).toBe('ok [ERROR] [err] [Err]ing');
    expect(mark({ pattern: '\\d+', mode: 'regex', on: 'value' }, 'status=503 size=12')).toBe('status=[503] size=[12]');
    // Positions count UTF-16 units, as String.prototype.slice does: characters beyond the BMP stay whole.
    expect(mark({ pattern: 'a|é', mode: 'regex', on: 'any' }, '😀a😀é')).toBe('😀[a]😀[é]');
  });

  it('marks nothing for empty matches and never loops on them', () => {
    expect(mark({ pattern: 'x*', mode: 'regex', on: 'any' }, 'abxxc')).toBe('ab[xx]c');
    expect(mark({ pattern: '^', mode: 'regex', on: 'any' }, 'abc')).toBe('abc');
  });

  it('marks only the fields the filter looks at', () => {
    const onKey: MessageFilter = { pattern: 'a', mode: 'substring', on: 'key' };
    expect(mark(onKey, 'banana', 'key')).toBe('b[a]n[a]n[a]');
    expect(mark(onKey, 'banana', 'value')).toBe('banana');
    expect(mark({ pattern: 'a', mode: 'substring', on: 'headers' }, 'banana', 'value')).toBe('banana');
  });

  it('keeps markup as text: the pieces join back to the exact input', () => {
    const text = '<img src=x onerror=alert(1)> <b>';
    const pieces = highlighter({ pattern: '<b>', mode: 'substring', on: 'any' })!(text, 'value');
    expect(pieces.map((s) => s.text).join('')).toBe(text);
    expect(pieces.filter((s) => s.match).map((s) => s.text)).toEqual(['<b>']);
  });

  it('stops at MAX_MATCHES marks', () => {
    const pieces = highlighter({ pattern: 'a', mode: 'substring', on: 'any' })!('a'.repeat(300), 'value');
    expect(pieces.filter((s) => s.match)).toHaveLength(MAX_MATCHES);
    expect(pieces.map((s) => s.text).join('')).toBe('a'.repeat(300));
  });

  it('is null without a filter, with an empty pattern, or with a pattern RE2 refuses', () => {
    expect(highlighter(null)).toBeNull();
    expect(highlighter({ pattern: '', mode: 'substring', on: 'any' })).toBeNull();
    expect(highlighter({ pattern: '(a)\\1', mode: 'regex', on: 'any' })).toBeNull();
    expect(highlighter({ pattern: 'a{1000}', mode: 'regex', on: 'any' })).toBeNull();
  });

  it('runs a pattern that backtracks catastrophically in JavaScript in linear time', () => {
    const started = performance.now();
    mark({ pattern: '(a+)+$', mode: 'regex', on: 'any' }, `${'a'.repeat(300)}!`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('segments', () => {
  it('gives one plain segment for text without matches, the empty text included', () => {
    expect(segments('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(segments('', [])).toEqual([{ text: '', match: false }]);
  });
});
