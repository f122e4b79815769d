import { describe, expect, it, vi } from 'vitest';
import { encodeBytes } from '@/lib/message-encoding';
import type { RawRecord } from './protocol';
import { toWire, VALUE_PREVIEW_BYTES } from './wire-message';

vi.mock('server-only', () => ({}));

const record = (value: Buffer | null, key: Buffer | null = null, headers: RawRecord['headers'] = []): RawRecord => ({
  offset: 7,
  timestamp: 1_700_000_000_000,
  timestampType: 'CreateTime',
  key,
  value,
  headers,
  isControlRecord: false,
});

const SAMPLES: [string, Buffer | null][] = [
  ['null', null],
  ['empty', Buffer.alloc(0)],
  ['ASCII text with quotes', Buffer.from('GET "/index.html" 200')],
  ['tab, LF and CR', Buffer.from('a\tb\nc\r\n')],
  ['NUL', Buffer.from([0x61, 0x00, 0x62])],
  ['other C0 controls', Buffer.from([0x61, 0x1b, 0x5b])],
  ['DEL', Buffer.from([0x61, 0x7f])],
  ['multi-byte UTF-8', Buffer.from('zürich → 東京 🚀')],
  ['invalid UTF-8', Buffer.from([0x61, 0xc3, 0x28])],
  ['Latin-1 byte', Buffer.from([0x63, 0x61, 0x66, 0xe9])],
  ['ASCII past the preview', Buffer.from('x'.repeat(VALUE_PREVIEW_BYTES + 10))],
  ['UTF-8 cut by the preview', Buffer.concat([Buffer.from('y'.repeat(VALUE_PREVIEW_BYTES - 1)), Buffer.from('é')])],
];

describe('toWire keys, values and headers', () => {
  it.each(SAMPLES)('%s: as encodeBytes says', (_name, bytes) => {
    const { message } = toWire(0, record(bytes, bytes, [{ key: 'h', value: bytes }]), false);
    const value = encodeBytes(bytes, VALUE_PREVIEW_BYTES);
    const whole = encodeBytes(bytes);
    expect({ value: message.value, encoding: message.encoding.value, truncated: message.truncated }).toEqual({
      value: value.data,
      encoding: value.encoding,
      truncated: value.truncated,
    });
    expect({ key: message.key, encoding: message.encoding.key }).toEqual({ key: whole.data, encoding: whole.encoding });
    expect(message.headers).toEqual([{ key: 'h', value: whole.data, encoding: whole.encoding }]);
  });

  it('agrees with encodeBytes on random bytes, mostly ASCII', () => {
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 2000; n++) {
      const bytes = Buffer.from(
        Array.from({ length: Math.floor(next() * 40) }, () => (next() < 0.9 ? 0x20 + Math.floor(next() * 95) : Math.floor(next() * 256))),
      );
      const { message } = toWire(0, record(bytes), false);
      const expected = encodeBytes(bytes, VALUE_PREVIEW_BYTES);
      expect([message.value, message.encoding.value]).toEqual([expected.data, expected.encoding]);
    }
  });
});
