import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { compress, decompress, loadCompression } from './compression';
import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { decodeRecordSet } from './protocol/record-set';
import { encodeRecordBatch, type OutgoingRecord } from './record-batch';

const text = Buffer.from(Array.from({ length: 400 }, (_, i) => `line ${i}: GET /api/items/${i * 7919} 200 "Mozilla/5.0"`).join('\n'));

beforeAll(() => loadCompression());

describe('compression codecs', () => {
  it.each(COMPRESSION_CODECS.filter((c) => c !== 'none'))('%s: what we compress comes back whole', (codec) => {
    const packed = compress(codec, text);
    expect(packed.length).toBeLessThan(text.length / 2);
    expect(decompress(COMPRESSION_CODECS.indexOf(codec), packed).equals(text)).toBe(true);
  });

  it('reads data compressed by the reference tools: zstd and lz4 frames from their CLIs, gzip from gzip', () => {
    expect(decompress(4, execFileSync('zstd', ['-c', '-q'], { input: text })).equals(text)).toBe(true);
    expect(decompress(3, execFileSync('lz4', ['-c', '-q'], { input: text })).equals(text)).toBe(true);
    expect(decompress(1, execFileSync('gzip', ['-c'], { input: text })).equals(text)).toBe(true);
  });

  it('zstd: a frame that does not say its size (written as a stream, as the Java client and the broker do) beyond 1 MiB', () => {
    // zstd reading stdin cannot know the size up front, as zstd-jni's ZstdOutputStream under Kafka's
    // Java producer cannot: the frame header has no content size. 3 MiB of log lines, 600 KiB packed.
    const big = Buffer.concat(Array.from({ length: 70 }, () => text));
    const streamed = execFileSync('zstd', ['-c', '-q'], { input: big });
    // Frame header descriptor (byte 4): content-size flag (bits 7-6) and single-segment flag (bit 5) both 0: no size.
    expect(streamed[4] & 0xe0).toBe(0);
    expect(decompress(4, streamed).equals(big)).toBe(true);
  });

  it('zstd: a frame without its size that would unpack beyond 256 MiB is refused, not followed', () => {
    const bomb = execFileSync('sh', ['-c', 'head -c 300000000 /dev/zero | zstd -c -q'], { maxBuffer: 64 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => decompress(4, bomb)).toThrow(/code -70/);
  });

  it('snappy: xerial framing (Java client) with several blocks, and plain snappy (librdkafka)', () => {
    const framed = compress('snappy', text);
    expect(framed.subarray(0, 8).toString('latin1')).toBe('\x82SNAPPY\x00');
    // Two xerial blocks, as snappy-java writes past its 32 KiB block size.
    const half = text.length >> 1;
    const [a, b] = [compress('snappy', text.subarray(0, half)), compress('snappy', text.subarray(half))];
    const twoBlocks = Buffer.concat([a, b.subarray(16)]);
    expect(decompress(2, twoBlocks).equals(text)).toBe(true);
    const plain = a.subarray(20); // the raw snappy block after the header and its length
    expect(decompress(2, plain).equals(text.subarray(0, half))).toBe(true);
  });

  it('corrupt data throws', () => {
    expect(() => decompress(4, Buffer.from('not zstd at all'))).toThrow();
    expect(() => decompress(3, Buffer.from('not lz4 at all'))).toThrow();
    expect(() => decompress(7, text)).toThrow(/unknown compression codec 7/);
  });
});

describe('compressed record batches', () => {
  const records: OutgoingRecord[] = [
    {
      key: Buffer.from('k'),
      value: text,
      headers: [
        { key: 'dup', value: Buffer.from('1') },
        { key: 'dup', value: null },
      ],
    },
    { key: null, value: null, headers: [] },
  ];
  const batch = (codec: (typeof COMPRESSION_CODECS)[number]) =>
    encodeRecordBatch(records, { producerId: 1n, producerEpoch: 0, baseSequence: 0, timestamp: 1_764_000_000_000, compression: codec });

  it.each(COMPRESSION_CODECS)('%s: a batch we write decodes to the same records', (codec) => {
    const encoded = batch(codec);
    expect(encoded.readInt16BE(21) & 7).toBe(COMPRESSION_CODECS.indexOf(codec));
    const decoded = [...decodeRecordSet(encoded)];
    expect(decoded.map((r) => r.offset)).toEqual([0, 1]);
    expect(decoded[0].value!.equals(text)).toBe(true);
    expect(decoded[0].headers).toEqual([
      { key: 'dup', value: Buffer.from('1') },
      { key: 'dup', value: null },
    ]);
    expect(decoded[1]).toMatchObject({ key: null, value: null, headers: [] });
  });

  it('an undecodable batch becomes one stand-in at its last offset, and the next batch is read', () => {
    const bad = batch('zstd');
    bad.fill(0x55, 61 + 4); // corrupt the compressed records, keep the header
    const good = batch('lz4');
    good.writeBigInt64BE(2n, 0); // base offset 2: it follows the bad batch
    const decoded = [...decodeRecordSet(Buffer.concat([bad, good]))];
    expect(decoded[0]).toMatchObject({
      offset: 1,
      isControlRecord: true,
      unreadable: expect.stringMatching(/a zstd batch \(offsets 0–1\) could not be decompressed/),
    });
    expect(decoded.slice(1).map((r) => r.offset)).toEqual([2, 3]);
  });
});
