/**
 * One fetched partition's record set, decoded, filtered and serialized to the stream's JSON in one
 * synchronous pass: the work a follow tail spends most of its CPU on, done here so it can run in a
 * worker thread (tail-encoder.ts) while the main thread goes on fetching and sending. Pure: no
 * Kafka access, no 'server-only' (a worker bundle has no React server condition).
 *
 * It handles what needs no state beyond the record set, and the decode= modes that need no registry
 * (`decode`). It stops ("bails") at the first record that needs more, and says where, so the caller
 * reads the rest of the set the usual way:
 *  - a transactional or control record (the transaction judgement keeps state across fetches);
 *  - under `decode=auto`, a key or value that starts with byte 0: it may be registry-framed, and
 *    those are decoded with the registry's schemas on the main thread.
 */
import { messageMatcher, type MessageFilter } from '@/lib/message-filter';
import { MESSAGES_FRAME_HEAD, MESSAGES_FRAME_TAIL } from '@/lib/sse';
import { decodeRecordSet } from './protocol/record-set';
import { decodePlainMessage, type PlainMode } from './schema-registry/decode-plain';
import { JsonBytes, writeWireJson } from './wire-json';
import { toWire } from './wire-message';

export interface EncodeJob {
  partition: number;
  recordSet: Uint8Array;
  /** Records before `from` (a batch starting earlier) and from `stop` on are not this read's. */
  from: number;
  stop: number;
  filter: MessageFilter | null;
  /** Messages per chunk: the stream's frame size. */
  chunkMessages: number;
  /** A decode= mode without a registry, or null for `auto` (text as it is, binary as base64). */
  decode: PlainMode | null;
}

export interface EncodedChunk {
  /** `count` messages' JSON objects joined by commas, UTF-8 (a frame's array without its brackets). */
  json: Uint8Array;
  /** The SSE `messages` frame of these messages alone, in the same buffer as `json` (lib/sse.ts sends it as it is). */
  frame: Uint8Array;
  count: number;
  /** The offset to read from after this chunk. */
  next: number;
}

export interface EncodeResult {
  chunks: EncodedChunk[];
  scanned: number;
  matched: number;
  /** The offset to read from after what was handled (the bail offset when it bailed). */
  next: number;
  /** The latest batch that could not be decoded, as a reason. */
  unreadable?: string;
  /** Set when it stopped at a record it leaves to the caller (see above). */
  bailed: boolean;
}

const NOT_TRANSACTIONAL = { aborted: false, pending: false };
const COMMA = 0x2c;
/** The working buffer's first size (about 150 messages of an access log); it grows to fit a chunk. */
const CHUNK_BYTES = 64 * 1024;

/** May be registry-framed: Confluent's wire format starts with a zero magic byte. */
const framedCandidate = (bytes: Buffer | null) => bytes !== null && bytes.length > 0 && bytes[0] === 0;

/** Where a chunk's bytes are written: a worker thread's shared buffers (shared-chunks.ts), or plain ones. */
export type ChunkAllocator = (size: number) => Uint8Array;

export function encodeRecordSet(job: EncodeJob, matches = job.filter ? messageMatcher(job.filter) : null, allocate?: ChunkAllocator): EncodeResult {
  const { partition, from, stop } = job;
  const records = Buffer.from(job.recordSet.buffer, job.recordSet.byteOffset, job.recordSet.byteLength);
  const chunks: EncodedChunk[] = [];
  const out = new JsonBytes(CHUNK_BYTES);
  let count = 0;
  let next = from;
  let scanned = 0;
  let matched = 0;
  let unreadable: string | undefined;
  let bailed = false;
  const cut = () => {
    const { bytes, whole } = out.take(MESSAGES_FRAME_HEAD, MESSAGES_FRAME_TAIL, allocate);
    chunks.push({ json: bytes, frame: whole, count, next });
    count = 0;
  };
  for (const record of decodeRecordSet(records, from)) {
    if (record.offset < from || record.offset >= stop) continue;
    if (record.unreadable) {
      unreadable = record.unreadable;
      next = record.offset + 1;
      continue;
    }
    const mayBeFramed = job.decode === null && (framedCandidate(record.key) || framedCandidate(record.value));
    if (record.isControlRecord || record.transactionalProducerId !== undefined || mayBeFramed) {
      bailed = true;
      break;
    }
    next = record.offset + 1;
    scanned++;
    // A filter needs the text anyway, and a decode= mode reworks the message: it is then mapped and
    // written as JSON.stringify makes it. The filter sees the stored text, as on the main thread.
    const mapped = matches || job.decode ? toWire(partition, record, matches !== null, NOT_TRANSACTIONAL) : null;
    if (mapped && matches && !matches(mapped.text!)) continue;
    if (count) out.byte(COMMA);
    if (mapped) out.text(JSON.stringify(job.decode ? decodePlainMessage(mapped.message, job.decode) : mapped.message));
    else writeWireJson(out, partition, record);
    matched++;
    if (++count === job.chunkMessages) cut();
  }
  if (count) cut();
  return { chunks, scanned, matched, next, unreadable, bailed };
}

/** Record batch framing: base offset (8 bytes), then the batch's length after these 12 bytes. */
const BATCH_LENGTH_AT = 8;
const LOG_OVERHEAD = 12;

/**
 * Cuts a record set into at most `parts` runs of whole batches of about equal size, so several
 * worker threads can share one partition's fetch; a set of one batch stays whole. A partial batch
 * at the end (a fetch cut at its byte limit) goes with the last run, where the decoder skips it.
 */
export function splitRecordSet(recordSet: Uint8Array, parts: number): Uint8Array[] {
  const view = new DataView(recordSet.buffer, recordSet.byteOffset, recordSet.byteLength);
  const ends: number[] = [];
  for (let at = 0; at + LOG_OVERHEAD <= recordSet.length; ) {
    at += LOG_OVERHEAD + view.getInt32(at + BATCH_LENGTH_AT);
    if (at > recordSet.length) break;
    ends.push(at);
  }
  const runs: Uint8Array[] = [];
  let start = 0;
  for (let i = 1; i < parts && start < recordSet.length; i++) {
    const target = (recordSet.length * i) / parts;
    const end = ends.find((e) => e > start && e >= target);
    if (end === undefined || end >= recordSet.length) break;
    runs.push(recordSet.subarray(start, end));
    start = end;
  }
  runs.push(recordSet.subarray(start));
  return runs;
}

/** The results of consecutive runs (splitRecordSet) as one: up to and including the first that bailed. */
export function mergeResults(results: EncodeResult[]): EncodeResult {
  const merged: EncodeResult = { chunks: [], scanned: 0, matched: 0, next: 0, bailed: false };
  for (const r of results) {
    merged.chunks.push(...r.chunks);
    merged.scanned += r.scanned;
    merged.matched += r.matched;
    // A run with nothing in [from, stop) says `from`; the furthest run says where to go on.
    merged.next = Math.max(merged.next, r.next);
    merged.unreadable = r.unreadable ?? merged.unreadable;
    if (r.bailed) {
      merged.bailed = true;
      break;
    }
  }
  return merged;
}
