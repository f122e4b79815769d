/**
 * Long loops that give the event loop back: with 100,000 consumer groups, building a sample,
 * recording it and summarizing it took 1–3 s each in one synchronous stretch, and every other
 * request (a page's HTML, its scripts, a tail) waited for it. Pure.
 */

/** The work between two yields: what another request may wait at most. */
export const SLICE_MS = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Calls `work` for each item in order, yielding after every SLICE_MS of it. */
export async function forEachInSlices<T>(items: Iterable<T>, work: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  let started = performance.now();
  let count = 0;
  for (const item of items) {
    work(item);
    // The clock is read every 64 items, not per item: a group's work is a few microseconds.
    if ((++count & 63) === 0 && performance.now() - started > sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
}

/** `items` mapped in order by `map`, yielding after every SLICE_MS of it. */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R, sliceMs = SLICE_MS): Promise<R[]> {
  const out: R[] = [];
  await forEachInSlices(items, (item) => out.push(map(item)), sliceMs);
  return out;
}
