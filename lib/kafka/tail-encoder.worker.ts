/**
 * The tail's worker thread: decodes, filters and serializes record sets (tail-encode.ts) and sends
 * the JSON back as transferred bytes; or fetches them itself first (tail-fetch-encode.ts). Started
 * by tail-encoder.ts; encoding jobs run one at a time, fetches overlap while they wait on brokers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { messageMatcher } from '@/lib/message-filter';
import { loadCompression } from './compression';
import { chunkAllocator, movable } from './shared-chunks';
import { encodeRecordSet, type EncodeJob } from './tail-encode';
import { byteArraysOf, fetchAndEncode, type FetchJob } from './tail-fetch-encode';

type Matcher = ReturnType<typeof messageMatcher>;

// A tail's filter is compiled once, not per fetch (RE2 compilation is not free).
const matchers = new Map<string, Matcher>();
const matcherFor = (filter: EncodeJob['filter']) => {
  if (!filter) return null;
  const key = JSON.stringify(filter);
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= 64) matchers.clear();
    matchers.set(key, (matcher = messageMatcher(filter)));
  }
  return matcher;
};

const ready = loadCompression();
/** Chunks in shared buffers while the request thread holds few enough of them (shared-chunks.ts). */
const allocate = chunkAllocator((workerData as { outstanding: Int32Array }).outstanding);

parentPort!.on('message', async ({ id, job, fetch }: { id: number; job?: EncodeJob; fetch?: FetchJob }) => {
  try {
    await ready;
    if (fetch) {
      const result = await fetchAndEncode(fetch, matcherFor(fetch.filter), allocate);
      parentPort!.postMessage({ id, result }, movable(byteArraysOf(result)));
      return;
    }
    const result = encodeRecordSet(job!, matcherFor(job!.filter), allocate);
    parentPort!.postMessage({ id, result }, movable(result.chunks.map((c) => c.json)));
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
});
