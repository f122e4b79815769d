/**
 * Long loops that give the event loop back: with 100,000 consumer groups, building a sample,
 * recording it and summarizing it took 1–3 s each in one synchronous stretch, and every other
 * request (a page's HTML, its scripts, a tail) waited for it. Pure.
 */

/** The work between two yields: what another request may wait at most. */
export const SLICE_MS = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields once SLICE_MS of work went by since the last yield; shared by the steps of one long job. */
class Slicer {
  private started = performance.now();
  constructor(private readonly sliceMs: number) {}
  async pause(): Promise<void> {
    if (performance.now() - this.started <= this.sliceMs) return;
    await nextTurn();
    this.started = performance.now();
  }
}

/** Calls `work` for each item in order, yielding after every SLICE_MS of it. */
export async function forEachInSlices<T>(items: Iterable<T>, work: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  const slicer = new Slicer(sliceMs);
  let count = 0;
  for (const item of items) {
    work(item);
    // The clock is read every 64 items, not per item: a group's work is a few microseconds.
    if ((++count & 63) === 0) await slicer.pause();
  }
}

/** `items` mapped in order by `map`, yielding after every SLICE_MS of it. */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R, sliceMs = SLICE_MS): Promise<R[]> {
  const out: R[] = [];
  await forEachInSlices(items, (item) => out.push(map(item)), sliceMs);
  return out;
}

/** Merges two runs sorted by `compare`; ties keep `a`'s first (a stable merge). */
async function merge<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number, slicer: Slicer): Promise<T[]> {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = compare(b[j], a[i]) < 0 ? b[j++] : a[i++];
    if ((k & 1023) === 0) await slicer.pause();
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * `items` sorted by `compare` into a new array (stable), yielding after every SLICE_MS of it: runs of
 * `run` items sorted one at a time, then merged pairwise. Sorting 100,000 group ids by
 * `localeCompare` is about 240 ms in one call; in runs, no stretch is much longer than a slice.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 4096, sliceMs = SLICE_MS): Promise<T[]> {
  const slicer = new Slicer(sliceMs);
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += run) {
    runs.push(items.slice(i, i + run).sort(compare));
    await slicer.pause();
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) merged.push(i + 1 < runs.length ? await merge(runs[i], runs[i + 1], compare, slicer) : runs[i]);
    runs = merged;
  }
  return runs[0] ?? [];
}
