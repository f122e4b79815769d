import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { KCAT_BATCH } from './captured.fixtures';
import { decodeFetchResponse, decodeRecordSet, firstRecord } from './fetch-codec';

// kafkajs's own encoders make the record batches the decoder is checked against.
const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
const { Types: Compression } = require('kafkajs/src/protocol/message/compression');
const Long = require('kafkajs/src/utils/long');

const T0 = 1_764_000_000_000;

async function batch(firstOffset: number, compression = Compression.None) {
  const records = [
    Record({ offsetDelta: 0, timestampDelta: 0, key: Buffer.from('k1'), value: Buffer.from('héllo'), headers: { trace: Buffer.from('abc') } }),
    Record({ offsetDelta: 1, timestampDelta: 5, key: null, value: null }),
    Record({ offsetDelta: 2, timestampDelta: 300_000, key: Buffer.from([0, 255]), value: Buffer.alloc(5000, 120), headers: { dup: [Buffer.from('a'), Buffer.from('b')] } }),
  ];
  const encoder = await RecordBatch({ compression, firstOffset: Long.fromNumber(firstOffset), firstTimestamp: T0, maxTimestamp: T0 + 300_000, lastOffsetDelta: 2, records });
  return encoder.buffer as Buffer;
}

describe('decodeRecordSet', () => {
  it('reads kafkajs-encoded batches record by record: offsets, timestamps, keys, values, headers', async () => {
    const set = Buffer.concat([await batch(40), await batch(1_000_000_000_000)]);
    const records = [...decodeRecordSet(set)];
    expect(records.map((r) => r.offset)).toEqual([40, 41, 42, 1_000_000_000_000, 1_000_000_000_001, 1_000_000_000_002]);
    expect(records.map((r) => r.timestamp).slice(0, 3)).toEqual([T0, T0 + 5, T0 + 300_000]);
    expect(records[0].key!.toString()).toBe('k1');
    expect(records[0].value!.toString()).toBe('héllo');
    expect(records[0].headers).toEqual([{ key: 'trace', value: Buffer.from('abc') }]);
    expect(records[1]).toMatchObject({ key: null, value: null, headers: [], isControlRecord: false });
    expect([...records[2].key!]).toEqual([0, 255]);
    expect(records[2].value).toEqual(Buffer.alloc(5000, 120));
    expect(records[2].headers.map((h) => [h.key, String(h.value)])).toEqual([['dup', 'a'], ['dup', 'b']]);
  });

  it('says whose clock each timestamp is: CreateTime, or LogAppendTime (attributes bit 3) with the batch max timestamp', async () => {
    const appended = await batch(10);
    // What a broker writes for a topic with message.timestamp.type=LogAppendTime: bit 3 of the attributes.
    appended.writeInt16BE(appended.readInt16BE(21) | 0x08, 21);
    const records = [...decodeRecordSet(Buffer.concat([await batch(0), appended]))];
    expect(records.map((r) => r.timestampType)).toEqual(['CreateTime', 'CreateTime', 'CreateTime', 'LogAppendTime', 'LogAppendTime', 'LogAppendTime']);
    expect(records.slice(3).map((r) => r.timestamp)).toEqual([T0 + 300_000, T0 + 300_000, T0 + 300_000]);
  });

  it('reads gzip batches', async () => {
    const records = [...decodeRecordSet(await batch(7, Compression.GZIP))];
    expect(records.map((r) => r.offset)).toEqual([7, 8, 9]);
    expect(records[2].value).toEqual(Buffer.alloc(5000, 120));
  });

  it('stops before a batch cut short by the fetch size, and decodes only as far as asked', async () => {
    const whole = await batch(0);
    const set = Buffer.concat([whole, (await batch(3)).subarray(0, 100)]);
    expect([...decodeRecordSet(set)].map((r) => r.offset)).toEqual([0, 1, 2]);
    expect(firstRecord(decodeRecordSet(set), (r) => r.offset >= 1)?.offset).toBe(1);
  });
});

describe('headers written by another client', () => {
  it('come out in record order, with duplicate keys, a null value, an empty value and prototype-member keys', () => {
    const [record] = [...decodeRecordSet(Buffer.from(KCAT_BATCH, 'hex'))];
    expect(record.key!.toString()).toBe('k1');
    expect(record.value!.toString()).toBe('v1');
    expect(record.headers.map((h) => [h.key, h.value === null ? null : h.value.toString()])).toEqual([
      ['dup', 'first'], ['dup', 'second'], ['__proto__', 'x'], ['nullval', null], ['constructor', 'y'], ['empty', ''],
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).filter((n) => /^\d+$/.test(n))).toEqual([]);
  });
});

describe('decodeFetchResponse', () => {
  it('reads partition headers and errors, with records decoded when iterated', async () => {
    const records = await batch(10);
    const parts: Buffer[] = [];
    const int16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); parts.push(b); };
    const int32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); parts.push(b); };
    const int64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigInt64BE(BigInt(n)); parts.push(b); };
    int32(0); int16(0); int32(0); // throttle, error, session
    int32(1); int16(5); parts.push(Buffer.from('topic'));
    int32(2);
    // partition 0: one aborted transaction, records
    int32(0); int16(0); int64(13); int64(13); int64(0); int32(1); int64(99); int64(5); int32(-1); int32(records.length); parts.push(records);
    // partition 1: NOT_LEADER_OR_FOLLOWER, no records
    int32(1); int16(6); int64(-1); int64(-1); int64(-1); int32(-1); int32(-1); int32(-1);
    const result = decodeFetchResponse(Buffer.concat(parts));
    const [p0, p1] = result.responses[0].partitions;
    expect(result.responses[0].topicName).toBe('topic');
    expect(p0).toMatchObject({ partition: 0, errorCode: 0, highWatermark: '13' });
    expect([...p0.messages].map((r) => r.offset)).toEqual([10, 11, 12]);
    expect(p1).toMatchObject({ partition: 1, errorCode: 6 });
    expect([...p1.messages]).toEqual([]);
  });
});
