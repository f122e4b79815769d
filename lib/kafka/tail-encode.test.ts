import { beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '@/lib/types/messages';
import { messageMatcher } from '@/lib/message-filter';
import { loadCompression } from './compression';
import { decodeRecordSet } from './protocol/record-set';
import { encodeRecordBatch, type OutgoingRecord } from './record-batch';
import { encodeRecordSet, mergeResults, splitRecordSet, type EncodeJob, type EncodeResult } from './tail-encode';
import { decodeMessages } from './schema-registry/decode-messages';
import { toWire } from './wire-message';

const T0 = 1_764_000_000_000;
const TRANSACTIONAL = 0x10;

beforeAll(() => loadCompression());

/** A batch of `records` at `baseOffset` (the broker's offset assignment; the CRC does not cover it). */
function batchAt(baseOffset: number, records: OutgoingRecord[], codec: 'none' | 'zstd' | 'lz4' = 'none', attributes = 0) {
  const batch = encodeRecordBatch(records, { producerId: 7n, producerEpoch: 0, baseSequence: 0, timestamp: T0, compression: codec });
  batch.writeBigInt64BE(BigInt(baseOffset), 0);
  if (attributes) batch.writeInt16BE(batch.readInt16BE(21) | attributes, 21); // readers do not check the CRC
  return batch;
}

const text = (i: number): OutgoingRecord => ({
  key: Buffer.from(`k${i}`),
  value: Buffer.from(`{"n":${i},"note":"line ${i} \u00e9\u20ac <b>"}`),
  headers:
    i % 3
      ? []
      : [
          { key: 'trace', value: Buffer.from(`t${i}`) },
          { key: '__proto__', value: null },
        ],
});
const records = (from: number, n: number) => Array.from({ length: n }, (_, i) => text(from + i));

const job = (recordSet: Buffer, overrides: Partial<EncodeJob> = {}): EncodeJob => ({
  partition: 3,
  recordSet,
  from: 0,
  stop: Number.MAX_SAFE_INTEGER,
  filter: null,
  chunkMessages: 500,
  decode: null,
  ...overrides,
});

/** The messages of every chunk, as the browser parses a frame of them. */
const parsed = (result: EncodeResult): WireMessage[] => result.chunks.flatMap((c) => JSON.parse(`[${Buffer.from(c.json).toString('utf8')}]`));

/** What the main thread's path (toWire) makes of the same records. */
const mappedHere = (recordSet: Buffer, keep: (offset: number) => boolean) =>
  [...decodeRecordSet(recordSet)].filter((r) => keep(r.offset)).map((r) => JSON.parse(JSON.stringify(toWire(3, r, false).message)));

describe('encodeRecordSet (the tail worker thread’s work)', () => {
  it('serializes every record as the main thread maps it, across batches and codecs, headers in order', () => {
    const set = Buffer.concat([batchAt(0, records(0, 40)), batchAt(40, records(40, 30), 'zstd'), batchAt(70, records(70, 30), 'lz4')]);
    const result = encodeRecordSet(job(set));
    expect(parsed(result)).toEqual(mappedHere(set, () => true));
    expect(parsed(result).map((m) => m.offset)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(parsed(result)[0].headers).toEqual([
      { key: 'trace', value: 't0', encoding: 'utf8' },
      { key: '__proto__', value: null, encoding: 'utf8' },
    ]);
    expect(result).toMatchObject({ scanned: 100, matched: 100, next: 100, bailed: false });
  });

  it('keeps to [from, stop) and cuts chunks of chunkMessages, each saying where to read on from', () => {
    const set = Buffer.concat([batchAt(0, records(0, 50)), batchAt(50, records(50, 50))]);
    const result = encodeRecordSet(job(set, { from: 10, stop: 95, chunkMessages: 40 }));
    expect(result.chunks.map((c) => [c.count, c.next])).toEqual([
      [40, 50],
      [40, 90],
      [5, 95],
    ]);
    expect(parsed(result)).toEqual(mappedHere(set, (o) => o >= 10 && o < 95));
    expect(result.next).toBe(95);
  });

  it('filters with the tail’s matcher: filtered records count as scanned, not matched', () => {
    const set = batchAt(0, records(0, 30));
    const filter = { pattern: '"n":1\\d', mode: 'regex' as const, on: 'value' as const };
    const result = encodeRecordSet(job(set, { filter }), messageMatcher(filter));
    expect(parsed(result).map((m) => m.offset)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(result).toMatchObject({ scanned: 30, matched: 10, next: 30 });
  });

  it('stops at a transactional batch, and at a value that may be registry-framed, leaving them to the main thread', () => {
    const transactional = Buffer.concat([batchAt(0, records(0, 5)), batchAt(5, records(5, 5), 'none', TRANSACTIONAL), batchAt(10, records(10, 5))]);
    expect(encodeRecordSet(job(transactional))).toMatchObject({ matched: 5, next: 5, bailed: true });

    const framed = { key: null, value: Buffer.from([0, 0, 0, 0, 1, 2, 3]), headers: [] };
    const set = batchAt(0, [...records(0, 3), framed, ...records(4, 2)]);
    const result = encodeRecordSet(job(set));
    expect(result).toMatchObject({ matched: 3, next: 3, bailed: true });
    expect(parsed(result).map((m) => m.offset)).toEqual([0, 1, 2]);
  });

  it('decodes as decode=text, json, hex or base64 asks exactly as the main thread does, framed-looking values included', async () => {
    const odd: OutgoingRecord[] = [
      { key: null, value: Buffer.from([0, 0, 0, 0, 1, 2, 0xff]), headers: [] }, // looks registry-framed
      { key: Buffer.from([0xde, 0xad]), value: Buffer.from('not json {'), headers: [] },
      { key: Buffer.from('k'), value: null, headers: [] },
      { key: Buffer.from('\ufeff{"bom":1}'), value: Buffer.from(''), headers: [] },
    ];
    const set = Buffer.concat([batchAt(0, [...records(0, 20), ...odd]), batchAt(24, records(24, 10), 'lz4')]);
    for (const mode of ['text', 'json', 'hex', 'base64'] as const) {
      const result = encodeRecordSet(job(set, { decode: mode }));
      expect(result.bailed).toBe(false);
      const here = [...decodeRecordSet(set)].map((r) => toWire(3, r, false).message);
      // The request thread's frame: the mapped messages through the stream's decode step, stringified.
      const expected = JSON.stringify(await decodeMessages('local', here, mode)).slice(1, -1);
      expect(result.chunks.map((c) => Buffer.from(c.json).toString('utf8')).join(',')).toBe(expected);
      expect(parsed(result).every((m) => m.format?.value === undefined || m.format.value === mode || m.format.value === 'hex')).toBe(true);
    }
  });

  it('filters on the stored text before it decodes', () => {
    const set = batchAt(0, records(0, 30));
    const filter = { pattern: '"n":1\\d', mode: 'regex' as const, on: 'value' as const };
    const result = encodeRecordSet(job(set, { filter, decode: 'hex' }), messageMatcher(filter));
    expect(parsed(result).map((m) => m.offset)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(parsed(result)[0]).toMatchObject({
      value: Buffer.from(`{"n":10,"note":"line 10 \u00e9\u20ac <b>"}`)
        .toString('hex')
        .replace(/(..)(?!$)/g, '$1 '),
      format: { value: 'hex' },
    });
  });

  it('says an undecodable batch and goes on past it', () => {
    const broken = batchAt(5, records(5, 5), 'zstd');
    broken.fill(0xff, 70); // the compressed records, garbled
    const set = Buffer.concat([batchAt(0, records(0, 5)), broken, batchAt(10, records(10, 5))]);
    const result = encodeRecordSet(job(set));
    expect(parsed(result).map((m) => m.offset)).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);
    expect(result.unreadable).toMatch(/a zstd batch \(offsets 5–9\) could not be decompressed/);
    expect(result).toMatchObject({ next: 15, bailed: false });
  });

  it('gives each chunk an ArrayBuffer of its own, so the worker can transfer it, holding its SSE frame and no more', () => {
    const result = encodeRecordSet(job(batchAt(0, records(0, 30)), { chunkMessages: 10 }));
    const buffers = result.chunks.map((c) => c.json.buffer);
    expect(new Set(buffers).size).toBe(3);
    for (const c of result.chunks) {
      expect(c.frame.buffer).toBe(c.json.buffer);
      expect(c.frame.byteLength).toBe(c.frame.buffer.byteLength);
      expect(Buffer.from(c.frame).toString()).toBe(`event: messages\ndata: [${Buffer.from(c.json)}]\n\n`);
    }
  });
});

describe('splitRecordSet and mergeResults (worker threads sharing a record set)', () => {
  // Built in the tests: zstd loads in beforeAll, after collection.
  const fourBatches = () =>
    Buffer.concat([batchAt(0, records(0, 30)), batchAt(30, records(30, 30), 'zstd'), batchAt(60, records(60, 30)), batchAt(90, records(90, 30), 'lz4')]);

  it('cuts at batch boundaries into about equal runs, and joins their results into what one pass gives', () => {
    const set = fourBatches();
    const whole = encodeRecordSet(job(set, { from: 5, chunkMessages: 500 }));
    for (const parts of [1, 2, 3, 4, 9]) {
      const runs = splitRecordSet(set, parts);
      expect(runs.length).toBeLessThanOrEqual(Math.min(parts, 4));
      expect(Buffer.concat(runs).equals(set)).toBe(true);
      const merged = mergeResults(runs.map((run) => encodeRecordSet(job(Buffer.from(run), { from: 5 }))));
      expect(parsed(merged)).toEqual(parsed(whole));
      expect(merged).toMatchObject({ scanned: whole.scanned, matched: whole.matched, next: whole.next, bailed: false });
    }
    const [first, second] = splitRecordSet(set, 2);
    // The first batch boundary at or past half the bytes (the batches differ in size: two are compressed).
    expect(first.length).toBeGreaterThanOrEqual(set.length / 2);
    expect(second.length).toBeGreaterThan(0);
  });

  it('keeps a partial batch at the end with the last run, and stops merging at the first run that bailed', () => {
    const set = fourBatches();
    const cut = set.subarray(0, set.length - 10); // the last batch cut short, as a fetch at its byte limit
    const runs = splitRecordSet(cut, 2);
    expect(Buffer.concat(runs).equals(cut)).toBe(true);
    expect(parsed(mergeResults(runs.map((run) => encodeRecordSet(job(Buffer.from(run)))))).map((m) => m.offset)).toEqual(
      Array.from({ length: 90 }, (_, i) => i),
    );

    const transactional = Buffer.concat([batchAt(0, records(0, 5)), batchAt(5, records(5, 5), 'none', TRANSACTIONAL), batchAt(10, records(10, 5))]);
    const merged = mergeResults(splitRecordSet(transactional, 3).map((run) => encodeRecordSet(job(Buffer.from(run)))));
    expect(merged).toMatchObject({ matched: 5, next: 5, bailed: true });
  });
});
