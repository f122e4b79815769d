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

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    this.chunks.push(b);
    return this;
  }

  compactString(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.uvarint(bytes.length + 1);
    this.chunks.push(bytes);
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

export class CompactReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

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

  compactString(): string | null {
    const length = this.uvarint();
    if (length === 0) return null;
    const value = this.buffer.toString('utf8', this.offset, this.offset + length - 1);
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
