import fc from 'fast-check';

/**
 * What a careless user or an attacker sends: names that are members of Object.prototype, path
 * tricks, markup, odd Unicode, huge and negative numbers, wrong types. Used by the hostile-input
 * suite (tests/server/hostile-fuzz.test.ts).
 */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

export const hostileText = fc.oneof(
  fc.constantFrom(
    ...PROTOTYPE_NAMES,
    '',
    ' ',
    '.',
    '..',
    '../..',
    '%',
    '%ff',
    '%00',
    '\u0000',
    '\ud800',
    '😀',
    'a/b',
    'a\\b',
    '?',
    '#',
    '&',
    '=',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '${jndi:ldap://x}',
    '{{7*7}}',
    "'; DROP TABLE t;--",
    'NaN',
    '-1',
    '0',
    '1e309',
    'null',
    'true',
    '[]',
    '{}',
    'earliest',
    'latest',
    'offset:-1',
    'positions:0=1',
    'x'.repeat(250),
    'x'.repeat(5000),
    '(a+)+$',
    '(a|aa)+$',
    '\\',
    '*',
    'internal',
    '__consumer_offsets',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'aZ09._-%/\\?#&=+ :'.split('')), maxLength: 24 }),
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 3, 10_000, 10_001, 1_000_000, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, Number.MAX_VALUE),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, weighted towards the hostile ones. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** An object whose keys are hostile names, as a JSON text (JSON.stringify drops a real __proto__ key). */
export const hostileObjectJson = fc
  .array(fc.tuple(hostileText, hostileValue), { maxLength: 4 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`);

/** A path segment: usually percent-encoded, sometimes raw (malformed escapes, spaces, slashes). */
export const hostileSegment = fc.oneof(
  { weight: 4, arbitrary: hostileText.map((t) => encodeURIComponent(t.replace(/[\ud800-\udfff]/g, 'x'))) },
  { weight: 1, arbitrary: hostileText },
);

/** A query string from hostile names and values. */
export const hostileQuery = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names), hostileText), hostileText), { maxLength: 5 })
    .map((pairs) =>
      pairs.map(([k, v]) => `${encodeURIComponent(k.replace(/[\ud800-\udfff]/g, 'x'))}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, 'x'))}`).join('&'),
    );
