import { describe, expect, it } from 'vitest';
import { Compression, T0, batch } from './kafkajs-batches.fixtures';
import { KCAT_BATCH } from './codecs/captured.fixtures';
import { decodeRecordSet, firstRecord, recordSetEnd } from './record-set';

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
    expect(records[2].headers.map((h) => [h.key, String(h.value)])).toEqual([
      ['dup', 'a'],
      ['dup', 'b'],
    ]);
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

  it('skips batches that end before `from` without decompressing them, and reads the batch holding it whole', async () => {
    const broken = await batch(0, Compression.GZIP);
    broken.fill(0xff, broken.length - 20); // the gzip stream's end: it cannot be decompressed
    const set = Buffer.concat([broken, await batch(3), await batch(6)]);
    expect([...decodeRecordSet(set)].map((r) => [r.offset, Boolean(r.unreadable)])[0]).toEqual([2, true]);
    expect([...decodeRecordSet(set, 3)].map((r) => r.offset)).toEqual([3, 4, 5, 6, 7, 8]);
    expect([...decodeRecordSet(set, 7)].map((r) => r.offset)).toEqual([6, 7, 8]);
  });
});

describe('recordSetEnd', () => {
  it('is the offset after the last complete batch, whatever its compression, from the headers alone', async () => {
    const broken = await batch(0, Compression.GZIP);
    broken.fill(0xff, broken.length - 20); // not decompressed to find where it ends
    expect(recordSetEnd(Buffer.concat([broken, await batch(3)]))).toBe(6);
    expect(recordSetEnd(await batch(1_000_000_000_000))).toBe(1_000_000_000_003);
  });

  it('leaves out a batch cut short by the fetch size; null without a complete batch or with an old format', async () => {
    const cut = (await batch(3)).subarray(0, 100);
    expect(recordSetEnd(Buffer.concat([await batch(0), cut]))).toBe(3);
    expect(recordSetEnd(cut)).toBeNull();
    expect(recordSetEnd(Buffer.alloc(0))).toBeNull();
    const v1 = await batch(0);
    v1.writeInt8(1, 16); // magic 1: the message sets of Kafka before 0.11
    expect(recordSetEnd(v1)).toBeNull();
  });

  it('counts a batch whose last records were compacted away up to its last offset delta', async () => {
    const compacted = await batch(10);
    compacted.writeInt32BE(9, 23); // the batch once held offsets 10–19; its last records are gone
    expect(recordSetEnd(compacted)).toBe(20);
  });
});

describe('headers written by another client', () => {
  it('come out in record order, with duplicate keys, a null value, an empty value and prototype-member keys', () => {
    const [record] = [...decodeRecordSet(Buffer.from(KCAT_BATCH, 'hex'))];
    expect(record.key!.toString()).toBe('k1');
    expect(record.value!.toString()).toBe('v1');
    expect(record.headers.map((h) => [h.key, h.value === null ? null : h.value.toString()])).toEqual([
      ['dup', 'first'],
      ['dup', 'second'],
      ['__proto__', 'x'],
      ['nullval', null],
      ['constructor', 'y'],
      ['empty', ''],
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).filter((n) => /^\d+$/.test(n))).toEqual([]);
  });
});
