import { describe, expect, it } from 'vitest';
import { CompactReader, CompactWriter } from './wire';

describe('compact wire format', () => {
  it('round-trips unsigned varints across byte boundaries', () => {
    for (const value of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 - 1]) {
      const buffer = new CompactWriter().uvarint(value).toBuffer();
      expect(new CompactReader(buffer).uvarint()).toBe(value);
    }
  });

  it('writes 300 as the two bytes Kafka expects', () => {
    expect([...new CompactWriter().uvarint(300).toBuffer()]).toEqual([0xac, 0x02]);
  });

  it('round-trips compact strings, including non-ASCII, and arrays', () => {
    const buffer = new CompactWriter()
      .compactString('tópico-ü')
      .compactArray([7, -1], (w, n) => w.int32(n))
      .toBuffer();
    const reader = new CompactReader(buffer);
    expect(reader.compactString()).toBe('tópico-ü');
    expect(reader.compactArray((r) => r.int32())).toEqual([7, -1]);
  });

  it('skips tagged fields it does not know', () => {
    // two tagged fields: tag 0 with 2 bytes, tag 5 with 1 byte; then an int16
    const reader = new CompactReader(Buffer.from([0x02, 0x00, 0x02, 0xaa, 0xbb, 0x05, 0x01, 0xcc, 0x00, 0x2a]));
    reader.skipTaggedFields();
    expect(reader.int16()).toBe(42);
  });

  it('rejects a truncated varint', () => {
    expect(() => new CompactReader(Buffer.from([0x80])).uvarint()).toThrow(RangeError);
  });
});
