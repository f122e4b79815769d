import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { chunkAllocator, chunkReleaser, movable, outstandingCounter, sharedChunkBytes } from './shared-chunks';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('shared chunk buffers', () => {
  it('are shared while the bytes handed over stay within the limit, plain beyond it, and counted', () => {
    const outstanding = outstandingCounter();
    const allocate = chunkAllocator(outstanding, 1000);
    const first = allocate(600);
    const second = allocate(600); // 1,200 would pass the limit
    const third = allocate(400);
    expect(first.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(second.buffer).toBeInstanceOf(ArrayBuffer);
    expect(third.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(outstanding[0]).toBe(1000);
    expect(movable([first, second, third])).toEqual([second.buffer]);
  });

  it('are counted off once the receiving thread has let go of them and they are collected, each once', async () => {
    const outstanding = outstandingCounter();
    const allocate = chunkAllocator(outstanding, 1000);
    const release = chunkReleaser(outstanding);
    let held: Uint8Array | null = allocate(700);
    const kept = allocate(200);
    release(held.buffer);
    release(held.buffer); // the same buffer seen twice (a chunk's JSON and its frame)
    release(kept.buffer);
    expect(allocate(200).buffer).toBeInstanceOf(ArrayBuffer); // 900 held: no room for 200 more
    held = null;
    for (let i = 0; i < 20 && outstanding[0] !== 200; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(outstanding[0]).toBe(200);
    expect(allocate(700).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(kept.length).toBe(200);
  });

  it('allow TAIL_SHARED_MB megabytes, 64 unless it is set to a number of zero or more', () => {
    expect(sharedChunkBytes(undefined)).toBe(64 << 20);
    expect(sharedChunkBytes('16')).toBe(16 << 20);
    expect(sharedChunkBytes('0')).toBe(0);
    expect(sharedChunkBytes('')).toBe(64 << 20);
    expect(sharedChunkBytes('-1')).toBe(64 << 20);
    expect(sharedChunkBytes('lots')).toBe(64 << 20);
    const none = chunkAllocator(outstandingCounter(), sharedChunkBytes('0'));
    expect(none(10).buffer).toBeInstanceOf(ArrayBuffer);
  });
});
