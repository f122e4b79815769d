/**
 * The record-batch compression codecs Kafka supports (attributes bits 0–2), both ways, with
 * maintained libraries: node:zlib for gzip, napi-rs builds for snappy and LZ4 (prebuilt binaries
 * from npm), WebAssembly for zstd (Node 20's zlib has no zstd). zstd's WebAssembly must be
 * instantiated once before use: call `loadCompression()` (cheap after the first time) before
 * decoding or encoding synchronously.
 */
import zlib from 'node:zlib';
import { compress as zstdCompress, decompress as zstdDecompress, init as initZstd } from '@bokuweb/zstd-wasm';
import { compressFrameSync as lz4CompressFrame, decompressFrameSync as lz4DecompressFrame } from 'lz4-napi';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';

import { COMPRESSION_CODECS, type CompressionCodec } from '@/lib/compression-codecs';

export { COMPRESSION_CODECS, type CompressionCodec };

let zstdLoading: Promise<void> | null = null;
let zstdLoaded = false;

export function loadCompression(): Promise<void> {
  zstdLoading ??= initZstd().then(
    () => {
      zstdLoaded = true;
    },
    (error: unknown) => {
      zstdLoading = null; // a later call tries again
      throw error;
    },
  );
  return zstdLoading;
}

/** The codec's name for attribute bits 0–2, or null for an id Kafka does not define. */
export function codecName(id: number): CompressionCodec | null {
  return COMPRESSION_CODECS[id] ?? null;
}

export function codecId(codec: CompressionCodec): number {
  return COMPRESSION_CODECS.indexOf(codec);
}

/**
 * Snappy as Kafka's Java client writes it: xerial's snappy-java stream framing, a 16-byte header
 * (magic "\x82SNAPPY\0", version, compatible version) then blocks of [int32 length][raw snappy].
 * librdkafka writes plain snappy; both are read, as the Java consumer does.
 */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;

function unsnappy(data: Buffer): Buffer {
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    return snappyUncompress(data) as Buffer;
  }
  const blocks: Buffer[] = [];
  let position = XERIAL_HEADER_BYTES;
  while (position + 4 <= data.length) {
    const length = data.readInt32BE(position);
    position += 4;
    if (length < 0 || position + length > data.length) throw new Error('snappy block runs past the end of the batch');
    blocks.push(snappyUncompress(data.subarray(position, position + length)) as Buffer);
    position += length;
  }
  return Buffer.concat(blocks);
}

/** zstd's "destination buffer too small" (ZSTD_error_dstSize_tooSmall), as @bokuweb/zstd-wasm words it. */
const ZSTD_DST_TOO_SMALL = /code -70$/;
/** The most a zstd batch may hold uncompressed: a bound against a decompression bomb. */
const MAX_ZSTD_BYTES = 256 * 1024 * 1024;

/**
 * A frame written as a stream (zstd-jni under Kafka's Java producer, the broker when it
 * recompresses) does not say its uncompressed size, and the library then decodes into 1 MiB: a
 * bigger batch failed. Such frames are tried with a buffer that grows until the batch fits.
 */
function unzstd(data: Buffer): Buffer {
  for (let capacity = Math.max(1024 * 1024, data.length * 8); ; capacity = Math.min(capacity * 4, MAX_ZSTD_BYTES)) {
    try {
      const out = zstdDecompress(data, { defaultHeapSize: capacity });
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength); // a view, not a second copy
    } catch (error) {
      if (!ZSTD_DST_TOO_SMALL.test((error as Error).message) || capacity >= MAX_ZSTD_BYTES) throw error;
    }
  }
}

/** The records section of a batch compressed with codec `id`, uncompressed. Throws on corrupt data. */
export function decompress(id: number, data: Buffer): Buffer {
  switch (id) {
    case 1:
      return zlib.gunzipSync(data);
    case 2:
      return unsnappy(data);
    case 3:
      return lz4DecompressFrame(data);
    case 4:
      if (!zstdLoaded) throw new Error('zstd is not loaded yet (call loadCompression first)');
      return unzstd(data);
    default:
      throw new Error(`unknown compression codec ${id}`);
  }
}

/** `data` compressed with `codec` in the framing Kafka's Java client writes (xerial for snappy, LZ4 frames). */
export function compress(codec: CompressionCodec, data: Buffer): Buffer {
  switch (codec) {
    case 'none':
      return data;
    case 'gzip':
      return zlib.gzipSync(data);
    case 'snappy': {
      const header = Buffer.alloc(XERIAL_HEADER_BYTES);
      XERIAL_MAGIC.copy(header);
      header.writeInt32BE(1, 8); // version
      header.writeInt32BE(1, 12); // minimum compatible version
      const block = snappyCompress(data) as Buffer;
      const length = Buffer.alloc(4);
      length.writeInt32BE(block.length);
      return Buffer.concat([header, length, block]);
    }
    case 'lz4':
      return lz4CompressFrame(data);
    case 'zstd':
      if (!zstdLoaded) throw new Error('zstd is not loaded yet (call loadCompression first)');
      return Buffer.from(zstdCompress(data, 3));
  }
}
