/**
 * The tail's worker thread: decodes, filters and serializes record sets (tail-encode.ts) and sends
 * the JSON back as transferred bytes. Started by tail-encoder.ts; one job at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { messageMatcher } from '@/lib/message-filter';
import { loadCompression } from './compression';
import { encodeRecordSet, type EncodeJob } from './tail-encode';

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

parentPort!.on('message', async ({ id, job }: { id: number; job: EncodeJob }) => {
  try {
    await ready;
    const result = encodeRecordSet(job, matcherFor(job.filter));
    parentPort!.postMessage(
      { id, result },
      result.chunks.map((c) => c.json.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
});
