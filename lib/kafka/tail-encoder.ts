import 'server-only';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tailFetches, tailMessagesSent } from '@/lib/metrics/exposition';
import { mergeResults, splitRecordSet, type EncodeJob, type EncodeResult } from './tail-encode';
import { chunkReleaser, outstandingCounter } from './shared-chunks';
import { byteArraysOf, type FetchJob, type PreparedFetch } from './tail-fetch-encode';

/**
 * The follow tail's worker thread (tail-encoder.worker.ts), shared by every tail of this process:
 * decoding, filtering and serializing a firehose takes a whole core, and here it runs beside the
 * main thread's fetching, sending and every other request instead of on it. Jobs run one at a time
 * in the order sent.
 *
 * Null when no worker can run: under vitest, from TypeScript source (the tail then maps records on
 * the main thread, tail-follow.ts), with TAIL_WORKER=off, or after the worker failed (logged once).
 */
export interface TailEncoder {
  encode(job: EncodeJob): Promise<EncodeResult>;
  /** Sends a Fetch from a worker thread, which encodes the answer too (tail-fetch-encode.ts). */
  fetch(job: FetchJob): Promise<PreparedFetch>;
}

/** The worker's young generation, MB (8 and 24 measured alike in memory; 24 a little faster). */
const WORKER_YOUNG_MB = 24;

/** Bytes of the workers' shared chunk buffers this thread holds (shared-chunks.ts). */
const outstanding = outstandingCounter();
const release = chunkReleaser(outstanding);

type Pending = { resolve: (result: never) => void; reject: (error: Error) => void };

/** One worker thread and the jobs sent to it. */
class EncoderThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private worker: Worker | null = null;

  constructor(private readonly onFailure: (error: Error) => void) {}

  private start(): Worker {
    // Next.js bundles the worker from this URL (Turbopack's worker_threads support).
    // A young generation of its own size, not the server's 8 MB semi-spaces (server/node-flags.mjs),
    // which a worker would inherit through execArgv.
    const worker = new Worker(new URL('./tail-encoder.worker.ts', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      workerData: { outstanding },
    });
    worker.unref(); // an idle worker does not keep the process alive
    worker.on('message', ({ id, result, error }: { id: number; result?: never; error?: string }) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
      if (error !== undefined) job?.reject(new Error(error));
      else job?.resolve(result!);
    });
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return; // 'error' is followed by 'exit'
      failed = true;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
      this.worker = null;
      this.onFailure(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the tail's worker thread exited (code ${code})`)));
    return worker;
  }

  async encode(job: EncodeJob): Promise<EncodeResult> {
    // A copy the worker owns (the record set is a view into the whole Fetch response).
    const recordSet = new Uint8Array(job.recordSet);
    const result = await this.send<EncodeResult>({ job: { ...job, recordSet } }, [recordSet.buffer]);
    for (const chunk of result.chunks) release(chunk.json.buffer);
    return result;
  }

  async fetch(job: FetchJob): Promise<PreparedFetch> {
    const result = await this.send<PreparedFetch>({ fetch: job }, []);
    for (const bytes of byteArraysOf(result)) release(bytes.buffer);
    return result;
  }

  private send<T>(message: object, transfer: ArrayBuffer[]): Promise<T> {
    this.worker ??= this.start();
    const worker = this.worker;
    worker.ref(); // work in flight keeps the process up
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject });
      worker.postMessage({ id, ...message }, transfer);
    });
  }
}

/** Worker threads that share each record set: its batches split between them, the results joined in order. */
class EncoderPool implements TailEncoder {
  private readonly threads: EncoderThread[];
  private turn = 0;

  constructor(size: number, onFailure: (error: Error) => void) {
    this.threads = Array.from({ length: size }, () => new EncoderThread(onFailure));
  }

  async encode(job: EncodeJob): Promise<EncodeResult> {
    const runs = splitRecordSet(job.recordSet, this.threads.length);
    const first = this.turn++;
    const results = await Promise.all(runs.map((recordSet, i) => this.threads[(first + i) % this.threads.length].encode({ ...job, recordSet })));
    return mergeResults(results);
  }

  /** Each fetch to one thread, in turn: the answers of different leaders are encoded side by side. */
  fetch(job: FetchJob): Promise<PreparedFetch> {
    return this.threads[this.turn++ % this.threads.length].fetch(job);
  }
}

/** Threads: TAIL_WORKERS, else one per core (the main thread mostly waits on sockets meanwhile), at most 4. */
const poolSize = () => {
  const asked = Number(process.env.TAIL_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, 8) : Math.min(4, availableParallelism());
};

const state = globalThis as { __tailEncoder?: TailEncoder | null };

export function tailEncoder(): TailEncoder | null {
  if (state.__tailEncoder !== undefined) return state.__tailEncoder;
  // Under vitest the code runs from TypeScript source, and Node cannot start the worker's .ts file.
  if (process.env.VITEST || process.env.TAIL_WORKER === 'off') return (state.__tailEncoder = null);
  state.__tailEncoder = new EncoderPool(poolSize(), (error) => {
    console.warn(`Tail worker thread failed; tails decode on the main thread from now on: ${error.message}`);
    state.__tailEncoder = null;
  });
  return state.__tailEncoder;
}

/** Counts a tail's Fetch requests by the thread that sent them (the Prometheus counter on /metrics). */
export const countFetch = (thread: 'worker' | 'main') => tailFetches.inc({ thread });

/** Counts a tail's sent messages by where they were encoded (the Prometheus counter on /metrics). */
export const countSent = (thread: 'worker' | 'main', messages: number) => {
  if (messages) tailMessagesSent.inc({ thread }, messages);
};
