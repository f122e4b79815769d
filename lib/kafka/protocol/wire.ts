/**
 * The few pieces of Kafka's "flexible" (compact, tagged-field) wire format that kafkajs 2.2.4
 * predates, for the requests we send through its protocol layer. Pure: no I/O.
 */

export class CompactWriter {
  private readonly chunks: Buffer[] = [];

  uvarint(value: number): this {
    const bytes: number[] = [];
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    this.chunks.push(Buffer.from(bytes));
    return this;
  }

  int8(value: number): this {
    this.chunks.push(Buffer.from([value & 0xff]));
    return this;
  }

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    this.chunks.push(b);
    return this;
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    this.chunks.push(b);
    return this;
  }

  int64(value: number | bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(value));
    this.chunks.push(b);
    return this;
  }

  compactString(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.uvarint(bytes.length + 1);
    this.chunks.push(bytes);
    return this;
  }

  compactBytes(value: Buffer): this {
    this.uvarint(value.length + 1);
    this.chunks.push(value);
    return this;
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

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
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
export class ClassicWriter {
  private readonly chunks: Buffer[] = [];

  private push(size: number, write: (b: Buffer) => void): this {
    const b = Buffer.alloc(size);
    write(b);
    this.chunks.push(b);
    return this;
  }

  int8(value: number): this {
    return this.push(1, (b) => b.writeInt8(value));
  }

  int16(value: number): this {
    return this.push(2, (b) => b.writeInt16BE(value));
  }

  int32(value: number): this {
    return this.push(4, (b) => b.writeInt32BE(value));
  }

  int64(value: bigint): this {
    return this.push(8, (b) => b.writeBigInt64BE(value));
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  /** Bytes with an int32 length (RECORDS in Produce). */
  bytes(value: Buffer): this {
    this.int32(value.length);
    this.chunks.push(value);
    return this;
  }

  /** A (nullable) string: int16 length, -1 for null. */
  string(value: string | null): this {
    if (value === null) return this.push(2, (b) => b.writeInt16BE(-1));
    const bytes = Buffer.from(value, 'utf8');
    this.push(2, (b) => b.writeInt16BE(bytes.length));
    this.chunks.push(bytes);
    return this;
  }

  /** An array: int32 count, then each element; null writes -1. */
  array<T>(items: T[] | null, write: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) write(this, item);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
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
