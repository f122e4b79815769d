/** Record batches written by kafkajs's own encoders, for checking our decoder against another writer. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
export const { Types: Compression } = require('kafkajs/src/protocol/message/compression');
const Long = require('kafkajs/src/utils/long');

export const T0 = 1_764_000_000_000;

export async function batch(firstOffset: number, compression = Compression.None) {
  const records = [
    Record({ offsetDelta: 0, timestampDelta: 0, key: Buffer.from('k1'), value: Buffer.from('héllo'), headers: { trace: Buffer.from('abc') } }),
    Record({ offsetDelta: 1, timestampDelta: 5, key: null, value: null }),
    Record({ offsetDelta: 2, timestampDelta: 300_000, key: Buffer.from([0, 255]), value: Buffer.alloc(5000, 120), headers: { dup: [Buffer.from('a'), Buffer.from('b')] } }),
  ];
  const encoder = await RecordBatch({ compression, firstOffset: Long.fromNumber(firstOffset), firstTimestamp: T0, maxTimestamp: T0 + 300_000, lastOffsetDelta: 2, records });
  return encoder.buffer as Buffer;
}
