/**
 * Record batches (magic 2) for the Produce requests we send ourselves (see producer.ts). kafkajs's
 * encoder takes headers as an object, so it cannot write two headers with the same key in their
 * order, a header whose value is null, or (once an object has lost it) a header called
 * `__proto__`; Kafka's record format allows all three. Pure: no I/O.
 */
import { crc32c as nativeCrc32c } from '@node-rs/crc32';
import { codecId, compress, type CompressionCodec } from './compression';

export interface RecordHeader {
  key: string;
  /** null: a header without a value, as Kafka allows. */
  value: Buffer | null;
}

export interface OutgoingRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

export interface BatchOptions {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  /** Create time of every record of the batch, epoch ms. */
  timestamp: number;
  /** How the records section is compressed; none by default. */
  compression?: CompressionCodec;
}

const MAGIC = 2;
/** Bytes before the records: base offset … record count (DefaultRecordBatch.RECORD_BATCH_OVERHEAD). */
export const BATCH_OVERHEAD = 61;
/** Where the CRC's coverage starts: the attributes, after base offset, length, epoch, magic and the CRC itself. */
const CRC_START = 21;

/** CRC-32C (Castagnoli), the checksum of record batches: native (@node-rs/crc32), a JS table loop took an eighth of an upload's CPU. */
export function crc32c(bytes: Uint8Array): number {
  return nativeCrc32c(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) >>> 0;
}

/** Zigzag, as record fields use it; arithmetic rather than bit operations, so values past 2^31 work. */
const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);

function varintSize(n: number): number {
  let z = zigzag(n);
  let size = 1;
  while (z >= 0x80) {
    z = Math.floor(z / 0x80);
    size++;
  }
  return size;
}

const bytesSize = (b: Buffer | null) => (b === null ? varintSize(-1) : varintSize(b.length) + b.length);

class BatchWriter {
  offset = 0;
  constructor(readonly buffer: Buffer) {}

  varint(n: number) {
    let z = zigzag(n);
    while (z >= 0x80) {
      this.buffer[this.offset++] = (z % 0x80) | 0x80;
      z = Math.floor(z / 0x80);
    }
    this.buffer[this.offset++] = z;
  }

  bytes(b: Buffer | null) {
    if (b === null) return this.varint(-1);
    this.varint(b.length);
    this.offset += b.copy(this.buffer, this.offset);
  }
}

/** One record's body size (after its length prefix); every record of a batch has timestamp delta 0. */
function recordBodySize(record: OutgoingRecord, offsetDelta: number, headerKeys: Buffer[]): number {
  let size = 1 + varintSize(0) + varintSize(offsetDelta) + bytesSize(record.key) + bytesSize(record.value) + varintSize(record.headers.length);
  record.headers.forEach((h, i) => {
    size += bytesSize(headerKeys[i]) + bytesSize(h.value);
  });
  return size;
}

/**
 * A batch of `records` in order, its records section compressed with `options.compression`;
 * headers in the order given (duplicates and null
 * values kept), with the producer id, epoch and base sequence the broker uses to drop retried
 * duplicates.
 */
export function encodeRecordBatch(records: OutgoingRecord[], options: BatchOptions): Buffer {
  const headerKeys = records.map((r) => r.headers.map((h) => Buffer.from(h.key, 'utf8')));
  const bodySizes = records.map((r, i) => recordBodySize(r, i, headerKeys[i]));
  const recordsSize = bodySizes.reduce((sum, size) => sum + varintSize(size) + size, 0);
  const buffer = Buffer.alloc(BATCH_OVERHEAD + recordsSize);
  buffer.writeBigInt64BE(0n, 0); // base offset: the broker assigns it
  buffer.writeInt32BE(buffer.length - 12, 8); // length of what follows
  buffer.writeInt32BE(-1, 12); // partition leader epoch: set by the broker
  buffer.writeInt8(MAGIC, 16);
  buffer.writeInt16BE(0, 21); // attributes: no compression, create time, not transactional
  buffer.writeInt32BE(records.length - 1, 23); // last offset delta
  buffer.writeBigInt64BE(BigInt(options.timestamp), 27);
  buffer.writeBigInt64BE(BigInt(options.timestamp), 35);
  buffer.writeBigInt64BE(options.producerId, 43);
  buffer.writeInt16BE(options.producerEpoch, 51);
  buffer.writeInt32BE(options.baseSequence, 53);
  buffer.writeInt32BE(records.length, 57);
  const w = new BatchWriter(buffer);
  w.offset = BATCH_OVERHEAD;
  records.forEach((record, i) => {
    w.varint(bodySizes[i]);
    buffer[w.offset++] = 0; // record attributes: none defined
    w.varint(0); // timestamp delta
    w.varint(i); // offset delta
    w.bytes(record.key);
    w.bytes(record.value);
    w.varint(record.headers.length);
    record.headers.forEach((h, j) => {
      w.bytes(headerKeys[i][j]);
      w.bytes(h.value);
    });
  });
  const codec = options.compression ?? 'none';
  if (codec === 'none') {
    buffer.writeUInt32BE(crc32c(buffer.subarray(CRC_START)), 17);
    return buffer;
  }
  const compressed = Buffer.concat([buffer.subarray(0, BATCH_OVERHEAD), compress(codec, buffer.subarray(BATCH_OVERHEAD))]);
  compressed.writeInt32BE(compressed.length - 12, 8);
  compressed.writeInt16BE(codecId(codec), 21); // attributes: the codec in bits 0–2
  compressed.writeUInt32BE(crc32c(compressed.subarray(CRC_START)), 17);
  return compressed;
}
