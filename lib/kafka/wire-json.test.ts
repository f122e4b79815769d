import { describe, expect, it } from 'vitest';
import type { RawRecord } from './protocol';
import { JsonBytes, writeWireJson } from './wire-json';
import { toWire, VALUE_PREVIEW_BYTES } from './wire-message';

const record = (key: Buffer | null, value: Buffer | null, extra: Partial<RawRecord> = {}): RawRecord => ({
  offset: 1_234_567_890_123,
  timestamp: 1_764_216_611_000,
  timestampType: 'CreateTime',
  key,
  value,
  headers: [],
  ...extra,
});

/** What the main thread's path sends for the same record. */
const expected = (r: RawRecord) => JSON.stringify(toWire(5, r, false).message);

function written(...records: RawRecord[]) {
  const out = new JsonBytes(16); // small, so the buffer grows along the way
  records.forEach((r, i) => {
    if (i) out.ascii(',');
    writeWireJson(out, 5, r);
  });
  return Buffer.from(out.take().bytes).toString('utf8');
}

const samples: [string, Buffer | null][] = [
  ['null', null],
  ['empty', Buffer.alloc(0)],
  ['plain text', Buffer.from('127.0.0.1 - - [27/Nov/2026] "GET / HTTP/1.1" 200')],
  ['quotes, backslashes, tab, CR, LF', Buffer.from('{"a":"b\\\\c"}\t\r\n"\\')],
  ['multi-byte UTF-8', Buffer.from('héllo € 𝄞 日本 \u2028\u2029 \u007f')],
  ['a byte-order mark', Buffer.from('\ufeff{"with":"bom"}')],
  ['a NUL', Buffer.from('a\u0000b')],
  ['other C0 controls', Buffer.from('bell \u0007 esc \u001b')],
  ['invalid UTF-8', Buffer.from([0x61, 0xc3, 0x28, 0x62])],
  ['a lone surrogate encoded', Buffer.from([0xed, 0xa0, 0x80])],
  ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
  ['a cut multi-byte character', Buffer.from('é').subarray(0, 1)],
  ['random bytes', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256))],
  ['HTML', Buffer.from('<script>alert(1)</script>')],
  ['a value past the preview limit', Buffer.alloc(VALUE_PREVIEW_BYTES + 10, 'x')],
  ['exactly the preview limit', Buffer.alloc(VALUE_PREVIEW_BYTES, 'y')],
];

describe('a record written as stream JSON from its bytes', () => {
  it.each(samples)('equals JSON.stringify(toWire(…)) for a value with %s, and as a key', (_, bytes) => {
    for (const r of [record(Buffer.from('k'), bytes), record(bytes, Buffer.from('v')), record(bytes, bytes)]) expect(written(r)).toBe(expected(r));
  });

  it('equals it with headers, LogAppendTime, small offsets and timestamps, and many records in a row', () => {
    const rows = [
      record(null, Buffer.from('v'), {
        headers: [
          { key: 'trace', value: Buffer.from('t') },
          { key: '__proto__', value: null },
        ],
      }),
      record(Buffer.from('k'), null, { timestampType: 'LogAppendTime', offset: 0, timestamp: -1 }),
      ...samples.map(([, bytes], i) => record(bytes, samples[(i + 3) % samples.length][1], { offset: i })),
    ];
    expect(written(...rows)).toBe(rows.map(expected).join(','));
    expect(JSON.parse(`[${written(...rows)}]`)).toHaveLength(rows.length);
  });

  it('equals it for 5,000 random keys and values, mostly text with the characters JSON escapes', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'Z', ' ', '"', '\\', '\t', '\n', '\r', '\u0000', '\u001f', 'é', '€', '𝄞', '\u2028', '{', '<'];
    const randomBytes = () => {
      if (next() < 0.1) return null;
      if (next() < 0.1) return Buffer.from(Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)));
      return Buffer.from(Array.from({ length: Math.floor(next() * 60) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    };
    const rows = Array.from({ length: 5000 }, (_, i) => record(randomBytes(), randomBytes(), { offset: i }));
    expect(written(...rows)).toBe(rows.map(expected).join(','));
  });

  it('equals it with each character JSON escapes (and a control it refuses) at every place of a longer text, at any byte offset', () => {
    const rows: RawRecord[] = [];
    for (const special of ['"', '\\', '\t', '\n', '\r', '\u0001', '\u001f', 'é', '\u007f']) {
      for (let length = 15; length <= 41; length++) {
        for (let at = 0; at < length; at++) {
          const text = Buffer.from(`${'a'.repeat(at)}${special}${'b'.repeat(length - at)}`);
          // Records sit anywhere in a fetched record set: a view at an odd offset of a larger buffer.
          const pad = at % 4;
          rows.push(record(null, Buffer.concat([Buffer.alloc(pad, 0x20), text]).subarray(pad)));
        }
      }
    }
    expect(written(...rows)).toBe(rows.map(expected).join(','));
  });

  it('writes offsets and timestamps as JSON.stringify does, around each power of ten and at the safe-integer edges', () => {
    const numbers = [0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1_764_216_611_000, 100_000_000_000_007];
    for (let p = 1; p <= 1e15; p *= 10) numbers.push(p - 1, p, p + 1, -p);
    const rows = numbers.map((n, i) =>
      record(null, Buffer.from('v'), { offset: Math.abs(n), timestamp: n, timestampType: i % 2 ? 'CreateTime' : 'LogAppendTime' }),
    );
    expect(written(...rows)).toBe(rows.map(expected).join(','));
  });

  it('hands over a buffer of its own, which a worker thread can transfer', () => {
    const out = new JsonBytes(8);
    writeWireJson(out, 0, record(null, Buffer.from('value')));
    const { bytes, whole } = out.take();
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength); // not a slice of Node's shared pool
    expect(whole).toEqual(bytes);
    expect(out.length).toBe(0);
  });

  it('hands it over between the bytes asked for before and after, in the same buffer', () => {
    const out = new JsonBytes(8);
    out.ascii('"x"');
    const { bytes, whole } = out.take(Buffer.from('['), Buffer.from(']\n'));
    expect(Buffer.from(bytes).toString()).toBe('"x"');
    expect(Buffer.from(whole).toString()).toBe('["x"]\n');
    expect(bytes.buffer).toBe(whole.buffer);
    expect(whole.buffer.byteLength).toBe(6);
    expect(out.length).toBe(0);
  });
});
