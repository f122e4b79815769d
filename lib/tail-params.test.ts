import { describe, expect, it } from 'vitest';
import { MAX_POSITIONS_TEXT, messageMatcher, parseStart, parseTailParams, tailQuery } from './tail-params';

describe('parseStart', () => {
  it.each([
    ['earliest', { kind: 'earliest' }],
    ['latest', { kind: 'latest' }],
    ['offset:42', { kind: 'offset', offset: 42 }],
    ['timestamp:1700000000000', { kind: 'timestamp', timestamp: 1700000000000 }],
    [
      'positions:0=5,2=9',
      {
        kind: 'positions',
        positions: new Map([
          [0, 5],
          [2, 9],
        ]),
      },
    ],
    ['positions:3=0,', { kind: 'positions', positions: new Map([[3, 0]]) }],
  ])('%s', (text, spec) => expect(parseStart(text)).toEqual(spec));

  it.each([
    ['', /from must be/],
    ['offset:-1', /from must be/],
    ['offset:x', /from must be/],
    ['offset:1234567890123456789', /from must be/],
    ['timestamp:', /from must be/],
    ['beginning', /from must be/],
    ['positions', /from must be/],
    ['positions:', /at least one/],
    ['positions:0=5,,2=9', /"" is not PARTITION=OFFSET/],
    ['positions:0=5=6', /"0=5=6" is not PARTITION=OFFSET/],
    ['positions:__proto__=1', /"__proto__=1" is not PARTITION=OFFSET/],
    ['positions:0=5,0=6', /partition 0 is given twice/],
  ])('refuses %j', (text, problem) => expect(parseStart(text)).toMatch(problem));

  it('keeps positions in a Map, not an object keyed by input', () => {
    const start = parseStart('positions:0=5');
    expect(start).toMatchObject({ kind: 'positions' });
    expect((start as { positions: unknown }).positions).toBeInstanceOf(Map);
  });
});

/** Milliseconds a call takes (synchronous work blocks the event loop for exactly that long). */
function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('positions input that froze the server (issue 11, item 2)', () => {
  // `1=` followed by nine `1111111111=` and `1x`: 113 characters that took a nested quantifier 87 s.
  const issueInput = `positions:1=${'1111111111='.repeat(9)}1x`;

  it('refuses the 113 characters from the issue in < 100 ms', () => {
    expect(issueInput).toHaveLength(113);
    const { result, ms } = timed(() => parseStart(issueInput));
    expect(result).toMatch(/is not PARTITION=OFFSET/);
    expect(ms).toBeLessThan(100);
  });

  it('refuses a much longer hostile input in < 100 ms', () => {
    const { result, ms } = timed(() => parseStart(`positions:1=${'1111111111='.repeat(5000)}1x`));
    expect(result).toMatch(/is not PARTITION=OFFSET/);
    expect(ms).toBeLessThan(100);
  });

  it('refuses text over the cap without reading it', () => {
    const { result, ms } = timed(() => parseStart(`positions:${'0=1,'.repeat(MAX_POSITIONS_TEXT / 4 + 1)}`));
    expect(result).toBe(`from=positions: is limited to ${MAX_POSITIONS_TEXT} characters`);
    expect(ms).toBeLessThan(100);
  });

  it('parses thousands of real positions in < 100 ms, and answers 400 through parseTailParams', () => {
    const pairs = Array.from({ length: 4000 }, (_, p) => [p, 1_000_000 + p] as const);
    const { result, ms } = timed(() => parseStart(`positions:${pairs.map(([p, o]) => `${p}=${o}`).join(',')}`));
    expect(result).toEqual({ kind: 'positions', positions: new Map(pairs) });
    expect(ms).toBeLessThan(100);
    const refused = parseTailParams(new URLSearchParams({ from: issueInput }));
    expect(refused).toEqual({ ok: false, problem: expect.stringMatching(/^from=positions: "1=1111111111=/) });
  });
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

  it('takes a page limit for bounded reads only, and round-trips it', () => {
    const query = 'from=earliest&live=false&limit=500';
    const parsed = parseTailParams(new URLSearchParams(query));
    expect(parsed.ok && parsed.params.limit).toBe(500);
    expect(parsed.ok && tailQuery(parsed.params)).toBe(query);
    expect(parseTailParams(new URLSearchParams('from=earliest&limit=500'))).toEqual({
      ok: false,
      problem: 'limit needs live=false (a page of a bounded read)',
    });
    for (const limit of ['0', '100001', '1e3', '-1']) expect(parseTailParams(new URLSearchParams({ live: 'false', limit })).ok).toBe(false);
  });

  it('round-trips Resume positions through tailQuery', () => {
    const params = {
      from: {
        kind: 'positions',
        positions: new Map([
          [0, 12],
          [3, 7],
        ]),
      },
      partitions: null,
      filter: null,
      live: true,
    } as const;
    expect(parseTailParams(new URLSearchParams(tailQuery(params)))).toEqual({ ok: true, params });
  });

  it('keeps substring mode as it was: regex syntax in a substring filter is plain text', () => {
    const parsed = parseTailParams(new URLSearchParams('filter=(a)%5C1(%3F%3Dx'));
    expect(parsed.ok && parsed.params.filter).toEqual({ pattern: '(a)\\1(?=x', mode: 'substring', on: 'any' });
  });

  it.each([
    ['from=yesterday', /from must be/],
    ['partitions=0,a', /partitions must be/],
    ['filter=(&filterMode=regex', /^filter: Invalid regular expression: missing closing \): `\(`$/],
    ['filter=(a)\\1&filterMode=regex', /^filter: Invalid regular expression: invalid escape sequence: `\\1` \(RE2 has no backreferences\)$/],
    [
      'filter=a(%3F%3Db)&filterMode=regex',
      /^filter: Invalid regular expression: invalid or unsupported Perl syntax: `\(\?=` \(RE2 has no lookahead or lookbehind\)$/,
    ],
    ['filter=(%3F<!a)b&filterMode=regex', /\(RE2 has no lookahead or lookbehind\)$/],
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

describe('regular expressions that blocked the event loop (issue 11, item 1)', () => {
  // Each took JavaScript's backtracking RegExp from about a second to a minute on these values;
  // every extra character doubles it. The first is the issue's own.
  const catastrophic: [string, string][] = [
    ['(a+)+$', `${'a'.repeat(28)}!`],
    ['(a|aa)+$', `${'a'.repeat(34)}!`],
    ['(.*a){20}', `${'a'.repeat(19)}${'!'.repeat(40)}`],
    ['^(\\d+)*$', `${'1'.repeat(24)}x`],
  ];

  it.each(catastrophic)('%s on the short hostile value answers in < 100 ms', (pattern, value) => {
    const matches = messageMatcher({ pattern, mode: 'regex', on: 'any' });
    const { result, ms } = timed(() => matches({ key: value, value, headers: value }));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(100);
  });

  it.each(catastrophic)('%s on a 20 000-character hostile value answers in < 100 ms', (pattern, value) => {
    const long = value.slice(0, -1).repeat(Math.ceil(20_000 / value.length)) + value.at(-1);
    const matches = messageMatcher({ pattern, mode: 'regex', on: 'value' });
    const { result, ms } = timed(() => matches({ key: '', value: long, headers: '' }));
    expect(result).toBe(pattern === '(.*a){20}'); // the repeated value now holds twenty a's
    expect(ms).toBeLessThan(100);
  });
});
