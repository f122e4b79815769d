/**
 * The buffers a tail's worker threads write encoded messages into, for the request thread to send.
 *
 * Why shared: V8 counts each ArrayBuffer moved into the request thread as external memory and runs
 * a full collection for about every 64 MB of them. A firehose tail moves ~100 MB/s of JSON, and
 * those collections took about a quarter of the request thread, the tail's limit (CPU profile,
 * 200,000-message tails). A SharedArrayBuffer is not counted, so the request thread collects only
 * as its own allocations ask: tails ran 25–30% faster in alternating runs.
 *
 * Not counted also means V8 would not free them in time on its own: the bytes the request thread
 * still holds are counted here instead (one shared counter; a FinalizationRegistry lowers it as the
 * request thread lets go of each buffer), and past `sharedChunkBytes()` a worker writes plain
 * ArrayBuffers again, whose pressure makes V8 collect, which frees the shared ones as well.
 * Pure (no 'server-only'): both threads use it.
 */

/**
 * Bytes of shared buffers the request thread may hold at once, beyond which they are plain:
 * TAIL_SHARED_MB, default 64 (0 turns them off). Memory for speed: on the million-message benchmark,
 * 64 MB read 341,000–388,000 msgs/s with the first tail after start growing the server by 297–343 MB;
 * 0 read 332,000–360,000 with 232–254 MB (three alternating runs each).
 */
export function sharedChunkBytes(setting = process.env.TAIL_SHARED_MB): number {
  const mb = setting === undefined || setting.trim() === '' ? 64 : Number(setting);
  return Number.isFinite(mb) && mb >= 0 ? Math.min(mb, 1024) * 1024 * 1024 : 64 * 1024 * 1024;
}

/** The counter both threads see: bytes of shared buffers handed over and not yet let go of. */
export const outstandingCounter = () => new Int32Array(new SharedArrayBuffer(4));

/** A worker's allocator: shared while under the limit, plain beyond it. */
export function chunkAllocator(outstanding: Int32Array, limit = sharedChunkBytes()): (size: number) => Uint8Array {
  return (size) => {
    if (Atomics.add(outstanding, 0, size) + size <= limit) return new Uint8Array(new SharedArrayBuffer(size));
    Atomics.sub(outstanding, 0, size);
    return new Uint8Array(size);
  };
}

/** The request thread's side: each shared buffer it receives is counted off once it is collected. */
export function chunkReleaser(outstanding: Int32Array): (buffer: ArrayBufferLike) => void {
  const registry = new FinalizationRegistry<number>((size) => Atomics.sub(outstanding, 0, size));
  const seen = new WeakSet<ArrayBufferLike>();
  return (buffer) => {
    if (!(buffer instanceof SharedArrayBuffer) || seen.has(buffer)) return;
    seen.add(buffer);
    registry.register(buffer, buffer.byteLength);
  };
}

/** The buffers under `views` that postMessage can move rather than copy (shared ones are shared as they are). */
export const movable = (views: Uint8Array[]): ArrayBuffer[] => views.map((v) => v.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
