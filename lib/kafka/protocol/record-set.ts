/**
 * Record sets (the record batches of one partition in a Fetch answer), decoded lazily: a record
 * only as it is iterated. kafkajs decodes every record of a response up front into objects
 * (offsets as strings via 64-bit Long maths); a firehose tail then holds thousands of records
 * alive while the browser reads the first few hundred, and the garbage outlives the young
 * generation. Here a record is decoded when the tail reaches it and is dropped right after. Pure.
 */
import type { RawRecord } from '../protocol-types';
import { codecName, decompress } from '../compression';
import { ClassicReader } from './wire';

const MAGIC_RECORD_BATCH = 2;
const COMPRESSION_MASK = 0x07;
const TIMESTAMP_TYPE_LOG_APPEND = 0x08;
const TRANSACTIONAL_BATCH = 0x10;
const CONTROL_BATCH = 0x20;
/** Bytes of a record batch before its records: offset, length, epoch, magic, crc, attributes… count. */
const BATCH_HEADER_BYTES = 61;

/** Kafka's classic encoding plus what record batches add: zigzag varints and length-prefixed bytes. */
export class RecordReader extends ClassicReader {
  constructor(buffer: Buffer, start = 0) {
    super(buffer);
    this.skip(start);
  }
  /** Offsets and timestamps fit a double exactly (below 2^53). */
  long(): number {
    return Number(this.int64());
  }
  /** Zigzag varint, as records use for lengths and deltas (up to 2^53 for timestamp deltas). */
  varint(): number {
    let result = 0;
    let multiplier = 1;
    for (;;) {
      const byte = this.buffer[this.offset++];
      result += (byte & 0x7f) * multiplier;
      if (byte < 0x80) break;
      multiplier *= 128;
    }
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }
  bytes(length: number): Buffer | null {
    if (length < 0) return null;
    const b = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return b;
  }
}

function unreadableBatch(lastOffset: number, timestamp: number, reason: string): RawRecord {
  return { offset: lastOffset, timestamp, timestampType: 'CreateTime', key: null, value: null, headers: [], isControlRecord: true, unreadable: reason };
}

/**
 * Record batches (magic 2) of one partition's record set, record by record. Batches that end before
 * offset `from` are skipped unread (not decompressed): a fetch's first batch may start before the
 * offset asked for, and a read resumed part-way (after a worker thread stopped) skips what was read.
 */
export function* decodeRecordSet(recordSet: Buffer, from = 0): Generator<RawRecord> {
  let position = 0;
  // A response may end with a partial batch (cut at maxBytes): it is left for the next fetch.
  while (position + BATCH_HEADER_BYTES <= recordSet.length) {
    const header = new RecordReader(recordSet, position);
    const baseOffset = header.long();
    const batchLength = header.int32();
    const end = position + 12 + batchLength;
    if (end > recordSet.length) return;
    header.int32(); // partition leader epoch
    const magic = header.int8();
    if (magic !== MAGIC_RECORD_BATCH) throw new Error(`Message format v${magic} (Kafka before 0.11) is not supported`);
    header.int32(); // crc: the broker checked it
    const attributes = header.int16();
    const lastOffsetDelta = header.int32();
    if (baseOffset + lastOffsetDelta < from) {
      position = end;
      continue;
    }
    const baseTimestamp = header.long();
    const maxTimestamp = header.long();
    const producerId = header.int64();
    header.skip(2 + 4); // producer epoch, base sequence
    const count = header.int32();
    const compression = attributes & COMPRESSION_MASK;
    const isControlRecord = (attributes & CONTROL_BATCH) !== 0;
    const transactionalProducerId = (attributes & TRANSACTIONAL_BATCH) !== 0 ? producerId : undefined;
    const logAppendTime = (attributes & TIMESTAMP_TYPE_LOG_APPEND) !== 0;
    let records: RecordReader;
    try {
      records =
        compression === 0
          ? new RecordReader(recordSet.subarray(0, end), header.position)
          : new RecordReader(decompress(compression, recordSet.subarray(header.position, end)));
    } catch (error) {
      // One bad batch must not end the read of its partition, let alone of the others.
      const codec = codecName(compression) ?? `codec ${compression}`;
      yield unreadableBatch(
        baseOffset + lastOffsetDelta,
        maxTimestamp,
        `a ${codec} batch (offsets ${baseOffset}–${baseOffset + lastOffsetDelta}) could not be decompressed: ${(error as Error).message}`,
      );
      position = end;
      continue;
    }
    for (let i = 0; i < count; i++) {
      records.varint(); // record length
      records.int8(); // record attributes (unused)
      const timestampDelta = records.varint();
      const offsetDelta = records.varint();
      const key = records.bytes(records.varint());
      const value = records.bytes(records.varint());
      // A list, not an object keyed by name: Kafka keeps headers in order, allows a key twice and
      // a null value, and a key may be any string, "__proto__" included.
      const headers: RawRecord['headers'] = [];
      for (let h = records.varint(); h > 0; h--) {
        const key = records.bytes(records.varint())?.toString('utf8') ?? '';
        headers.push({ key, value: records.bytes(records.varint()) });
      }
      yield {
        offset: baseOffset + offsetDelta,
        timestamp: logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta,
        timestampType: logAppendTime ? 'LogAppendTime' : 'CreateTime',
        key,
        value,
        headers,
        isControlRecord,
        // Always the same fields (undefined when not set), in the same order: one object shape for
        // every record, where conditional spreads made a new one per combination and slowed each read.
        transactionalProducerId,
        // A control record's key: int16 version, int16 type (0 abort, 1 commit).
        marker: isControlRecord && key && key.length >= 4 ? (key.readInt16BE(2) === 1 ? 'commit' : 'abort') : undefined,
      };
    }
    position = end;
  }
}

/** The first record that satisfies `test`; decoding stops there. */
export function firstRecord(records: Iterable<RawRecord>, test: (record: RawRecord) => boolean): RawRecord | undefined {
  for (const record of records) if (test(record)) return record;
  return undefined;
}

/**
 * The offset after the last complete batch of a record set (its batch headers only, nothing
 * decoded): where the next fetch of the partition starts. Null when the set holds no complete
 * batch, or one of a message format before v2.
 */
export function recordSetEnd(recordSet: Buffer): number | null {
  let position = 0;
  let next: number | null = null;
  while (position + BATCH_HEADER_BYTES <= recordSet.length) {
    const end = position + 12 + recordSet.readInt32BE(position + 8);
    if (end > recordSet.length) break;
    if (recordSet.readInt8(position + 16) !== MAGIC_RECORD_BATCH) return null;
    // base offset + last offset delta + 1 (after offset, length, epoch, magic, crc and attributes)
    next = Number(recordSet.readBigInt64BE(position)) + recordSet.readInt32BE(position + 23) + 1;
    position = end;
  }
  return next;
}
