import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { KCAT_BATCH } from './protocol/codecs/captured.fixtures';
import { decodeRecordSet } from './protocol/record-set';
import { crc32c, encodeRecordBatch, type OutgoingRecord } from './record-batch';

const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
const Long = require('kafkajs/src/utils/long');

const T0 = 1_764_000_000_000;
const text = (s: string | null) => (s === null ? null : Buffer.from(s));

describe('crc32c', () => {
  it('is CRC-32C (Castagnoli)', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });
});

describe('encodeRecordBatch', () => {
  it('writes the bytes kafkajs writes for records it can express', async () => {
    const records: OutgoingRecord[] = [
      {
        key: text('k1'),
        value: text('héllo'),
        headers: [
          { key: 'trace', value: text('abc') },
          { key: 'b', value: text('') },
        ],
      },
      { key: null, value: null, headers: [] },
      { key: Buffer.from([0, 255]), value: Buffer.alloc(5000, 120), headers: [] },
    ];
    const ours = encodeRecordBatch(records, { producerId: 4242n, producerEpoch: 3, baseSequence: 17, timestamp: T0 });
    const kafkajs = await RecordBatch({
      firstTimestamp: T0,
      maxTimestamp: T0,
      partitionLeaderEpoch: -1,
      lastOffsetDelta: 2,
      producerId: Long.fromNumber(4242),
      producerEpoch: 3,
      firstSequence: 17,
      records: records.map((r, i) =>
        Record({ offsetDelta: i, key: r.key, value: r.value, headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value])) }),
      ),
    });
    expect(ours.toString('hex')).toBe((kafkajs.buffer as Buffer).toString('hex'));
  });

  it('writes the bytes kcat (librdkafka) wrote for duplicate keys, a null value and prototype-member keys', () => {
    const captured = Buffer.from(KCAT_BATCH, 'hex');
    const [record] = [...decodeRecordSet(captured)];
    const ours = encodeRecordBatch([{ key: record.key, value: record.value, headers: record.headers }], {
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
      timestamp: record.timestamp,
    });
    // The broker stamps the partition leader epoch (bytes 12–15, outside the CRC) when it stores a batch.
    ours.writeInt32BE(captured.readInt32BE(12), 12);
    expect(ours.toString('hex')).toBe(KCAT_BATCH);
  });

  it('keeps header order, repeated keys and null values through our own decoder', () => {
    const headers = [
      { key: 'dup', value: text('first') },
      { key: '__proto__', value: text('x') },
      { key: 'dup', value: text('second') },
      { key: 'nothing', value: null },
      { key: 'constructor', value: text('') },
      { key: 'ключ', value: Buffer.from([0, 1, 2]) },
    ];
    const batch = encodeRecordBatch(
      [
        { key: null, value: text('v'), headers },
        { key: text('k'), value: text('w'), headers: [] },
      ],
      { producerId: 1n, producerEpoch: 0, baseSequence: 0, timestamp: T0 },
    );
    const decoded = [...decodeRecordSet(batch)];
    expect(decoded.map((r) => [r.offset, r.timestamp])).toEqual([
      [0, T0],
      [1, T0],
    ]);
    expect(decoded[0].headers).toEqual(headers);
    expect(decoded[1]).toMatchObject({ key: text('k'), value: text('w'), headers: [] });
  });

  it('writes lengths past one varint byte and records past 64 offsets', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ key: null, value: Buffer.alloc(i * 3, 97), headers: [{ key: 'h'.repeat(200), value: null }] }));
    const decoded = [...decodeRecordSet(encodeRecordBatch(records, { producerId: 9n, producerEpoch: 0, baseSequence: 2 ** 31 - 1, timestamp: T0 }))];
    expect(decoded).toHaveLength(300);
    expect(decoded.map((r) => r.value!.length)).toEqual(records.map((r) => r.value.length));
    expect(decoded[299]).toMatchObject({ offset: 299, headers: [{ key: 'h'.repeat(200), value: null }] });
  });
});
