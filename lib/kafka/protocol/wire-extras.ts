import type { CompactReader, CompactWriter } from './wire';

/** Kafka's float64 (big-endian IEEE 754), which the quota APIs use for every value. */
export function writeFloat64(w: CompactWriter, value: number): CompactWriter {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(value);
  return w.int64(b.readBigInt64BE());
}

export function readFloat64(r: CompactReader): number {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(r.int64());
  return b.readDoubleBE();
}

/** A nullable compact string: length + 1, 0 for null. */
export function writeNullableString(w: CompactWriter, value: string | null): CompactWriter {
  return value === null ? w.uvarint(0) : w.compactString(value);
}
