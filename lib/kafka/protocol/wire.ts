/**
 * The few pieces of Kafka's "flexible" (compact, tagged-field) wire format that kafkajs 2.2.4
 * predates, for the requests we send through its protocol layer. Pure: no I/O.
 */

/**
 * Big-endian fixed-width writes shared by both encodings, into one buffer that doubles as it fills:
 * a sample of 100,000 groups encodes requests of tens of thousands of fields, and a Buffer per field
 * (as before) spent 130–260 ms of the server's main thread per request and fed its collector.
 */
abstract class ByteWriter {
  private out = Buffer.allocUnsafe(256);
  private length = 0;

  /**
   * Where `n` more bytes go, the buffer grown to hold them. Call it before reading `out`, which it
   * may replace (`this.out.write(v, this.reserve(n))` would write into the old buffer).
   */
  protected reserve(n: number): number {
    const at = this.length;
    if (at + n > this.out.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.out.length, at + n));
      this.out.copy(grown, 0, 0, at);
      this.out = grown;
    }
    this.length = at + n;
    return at;
  }

  protected int8Unsigned(value: number): this {
    const at = this.reserve(1);
    this.out[at] = value;
    return this;
  }

  int8(value: number): this {
    const at = this.reserve(1);
    this.out.writeInt8(value, at);
    return this;
  }

  int16(value: number): this {
    const at = this.reserve(2);
    this.out.writeInt16BE(value, at);
    return this;
  }

  int32(value: number): this {
    const at = this.reserve(4);
    this.out.writeInt32BE(value, at);
    return this;
  }

  /** A number (a safe integer, negative ones as two's complement) or a bigint. */
  int64(value: number | bigint): this {
    const at = this.reserve(8);
    if (typeof value === 'bigint') {
      this.out.writeBigInt64BE(value, at);
    } else {
      const high = Math.floor(value / 2 ** 32);
      this.out.writeInt32BE(high, at);
      this.out.writeUInt32BE(value - high * 2 ** 32, at + 4);
    }
    return this;
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  /** `value`'s bytes as they are, no length. */
  protected raw(value: Uint8Array): this {
    const at = this.reserve(value.length);
    this.out.set(value, at);
    return this;
  }

  /** `value` in UTF-8 (`bytes` long), no length. */
  protected utf8(value: string, bytes: number): this {
    const at = this.reserve(bytes);
    this.out.write(value, at, bytes, 'utf8');
    return this;
  }

  /** What was written so far: a view, which later writes (only ever appended) leave as it is. */
  toBuffer(): Buffer {
    return this.out.subarray(0, this.length);
  }
}

export class CompactWriter extends ByteWriter {
  uvarint(value: number): this {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.int8Unsigned((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    return this.int8Unsigned(v);
  }

  compactString(value: string): this {
    const bytes = Buffer.byteLength(value, 'utf8');
    return this.uvarint(bytes + 1).utf8(value, bytes);
  }

  compactBytes(value: Buffer): this {
    return this.uvarint(value.length + 1).raw(value);
  }

  /** Compact array: length + 1, then each element written by `write`. */
  compactArray<T>(items: T[], write: (w: this, item: T) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) write(this, item);
    return this;
  }

  emptyTaggedFields(): this {
    return this.uvarint(0);
  }
}

/** Big-endian fixed-width reads shared by both encodings. */
abstract class ByteReader {
  protected offset = 0;

  constructor(protected readonly buffer: Buffer) {}

  /** Where the next read starts. */
  get position(): number {
    return this.offset;
  }

  skip(bytes: number): this {
    this.offset += bytes;
    return this;
  }

  int8(): number {
    return this.buffer.readInt8(this.offset++);
  }

  int16(): number {
    const v = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    const v = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  int64(): bigint {
    const v = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }
}

export class CompactReader extends ByteReader {
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buffer[this.offset++];
      if (byte === undefined) throw new RangeError('truncated varint');
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 28) throw new RangeError('varint longer than 5 bytes');
    }
  }

  compactString(): string | null {
    const length = this.uvarint();
    if (length === 0) return null;
    const value = this.buffer.toString('utf8', this.offset, this.offset + length - 1);
    this.offset += length - 1;
    return value;
  }

  compactBytes(): Buffer | null {
    const length = this.uvarint();
    if (length === 0) return null;
    const value = this.buffer.subarray(this.offset, this.offset + length - 1);
    this.offset += length - 1;
    return value;
  }

  compactArray<T>(read: (r: this) => T): T[] {
    const length = this.uvarint();
    const items: T[] = [];
    for (let i = 0; i < length - 1; i++) items.push(read(this));
    return items;
  }

  /** Skips a tagged-field section: we read no optional fields. */
  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      const size = this.uvarint(); // read before touching offset: `offset += uvarint()` reads offset first
      this.offset += size;
    }
  }
}

/** The classic (non-flexible) encoding: int16-length strings and int32-length arrays. */
export class ClassicWriter extends ByteWriter {
  /** Bytes with an int32 length (RECORDS in Produce). */
  bytes(value: Buffer): this {
    return this.int32(value.length).raw(value);
  }

  /** A (nullable) string: int16 length, -1 for null. */
  string(value: string | null): this {
    if (value === null) return this.int16(-1);
    const bytes = Buffer.byteLength(value, 'utf8');
    return this.int16(bytes).utf8(value, bytes);
  }

  /** An array: int32 count, then each element; null writes -1. */
  array<T>(items: T[] | null, write: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) write(this, item);
    return this;
  }
}

export class ClassicReader extends ByteReader {
  string(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    if (this.offset + length > this.buffer.length) throw new RangeError('truncated string');
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  array<T>(read: (r: this) => T): T[] {
    const count = this.int32();
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(read(this));
    return items;
  }
}
