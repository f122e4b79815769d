import { describe, expect, it } from 'vitest';
import { ClassicReader, ClassicWriter, CompactReader, CompactWriter } from './wire';

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

  it('writes int64 numbers and bigints as Kafka reads them, negative ones too', () => {
    const values = [0, 1, -1, 2 ** 32, 2 ** 32 - 1, -(2 ** 32), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1_764_000_000_123];
    const w = new CompactWriter();
    for (const v of values) w.int64(v);
    w.int64(-(2n ** 63n)).int64(2n ** 63n - 1n);
    const r = new CompactReader(w.toBuffer());
    expect(values.map(() => r.int64())).toEqual(values.map(BigInt));
    expect([r.int64(), r.int64()]).toEqual([-(2n ** 63n), 2n ** 63n - 1n]);
  });

  it('grows past its first buffer and keeps what it handed out', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `group-${i}-é`);
    const w = new CompactWriter().compactArray(ids.slice(0, 2), (gw, id) => gw.compactString(id));
    const first = Buffer.from(w.toBuffer());
    const early = w.toBuffer();
    w.compactArray(ids, (gw, id) => gw.compactString(id).int32(7));
    expect(early).toEqual(first);
    const r = new CompactReader(w.toBuffer());
    expect(r.compactArray((cr) => cr.compactString())).toEqual(ids.slice(0, 2));
    expect(r.compactArray((cr) => [cr.compactString(), cr.int32()])).toEqual(ids.map((id) => [id, 7]));
  });
});

describe('classic wire format', () => {
  it('round-trips strings (null too), arrays, bytes and fixed-width fields', () => {
    const buffer = new ClassicWriter()
      .string('tópico')
      .string(null)
      .array(['a', 'bé'], (w, s) => w.string(s))
      .array(null, (w, s: string) => w.string(s))
      .bytes(Buffer.from([1, 2, 3]))
      .int8(-2)
      .int16(-300)
      .boolean(true)
      .int64(-5n)
      .toBuffer();
    const r = new ClassicReader(buffer);
    expect(r.string()).toBe('tópico');
    expect(r.string()).toBeNull();
    expect(r.array((ar) => ar.string())).toEqual(['a', 'bé']);
    expect(r.int32()).toBe(-1);
    expect(r.int32()).toBe(3);
    expect([r.int8(), r.int8(), r.int8()]).toEqual([1, 2, 3]);
    expect([r.int8(), r.int16(), r.boolean(), r.int64()]).toEqual([-2, -300, true, -5n]);
    expect(r.position).toBe(buffer.length);
  });
});
