import { describe, expect, it } from 'vitest';
import { messageMatcher, parseStart, parseTailParams, tailQuery } from './tail-params';

describe('parseStart', () => {
  it.each([
    ['earliest', { kind: 'earliest' }],
    ['latest', { kind: 'latest' }],
    ['offset:42', { kind: 'offset', offset: 42 }],
    ['timestamp:1700000000000', { kind: 'timestamp', timestamp: 1700000000000 }],
    ['positions:0=5,2=9', { kind: 'positions', positions: { 0: 5, 2: 9 } }],
  ])('%s', (text, spec) => expect(parseStart(text)).toEqual(spec));

  it.each(['', 'offset:-1', 'offset:x', 'timestamp:', 'beginning'])('refuses %j', (text) => expect(parseStart(text)).toBeNull());
});

describe('parseTailParams', () => {
  it('defaults to a live tail from latest over all partitions', () => {
    expect(parseTailParams(new URLSearchParams(''))).toEqual({ ok: true, params: { from: { kind: 'latest' }, partitions: null, filter: null, live: true } });
  });

  it('round-trips through tailQuery', () => {
    const query = 'from=offset%3A10&partitions=0%2C2&filter=GET&filterMode=regex&filterOn=value&live=false';
    const parsed = parseTailParams(new URLSearchParams(query));
    expect(parsed.ok && tailQuery(parsed.params)).toBe(query);
  });

  it.each([
    ['from=yesterday', /from must be/],
    ['partitions=0,a', /partitions must be/],
    ['filter=(&filterMode=regex', /not a valid regular expression/],
    ['live=maybe', /live must be/],
  ])('refuses %s', (query, problem) => {
    const parsed = parseTailParams(new URLSearchParams(query));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(problem);
  });
});

describe('messageMatcher', () => {
  const msg = { key: 'user-1', value: 'GET /index.html 200', headers: 'trace=abc' };
  it('matches substrings and regular expressions on the chosen part', () => {
    expect(messageMatcher({ pattern: 'index', mode: 'substring', on: 'any' })(msg)).toBe(true);
    expect(messageMatcher({ pattern: 'index', mode: 'substring', on: 'key' })(msg)).toBe(false);
    expect(messageMatcher({ pattern: '^GET .* 2\\d\\d$', mode: 'regex', on: 'value' })(msg)).toBe(true);
    expect(messageMatcher({ pattern: 'trace=', mode: 'substring', on: 'headers' })(msg)).toBe(true);
  });
});
