/**
 * Runs `source` up to `limit` items ahead of its reader, so producing the next items (a tail's
 * fetches and the worker thread's serializing) overlaps with the reader's work on the previous
 * ones (sending them to the browser) instead of taking turns with it. Memory stays bounded by
 * `limit` items; a reader that stops reading stops the source after `limit` items. Ending the
 * returned generator ends the source. Pure.
 */
export async function* readAhead<T>(source: AsyncGenerator<T>, limit: number): AsyncGenerator<T> {
  const queue: IteratorResult<T>[] = [];
  let failure: { error: unknown } | null = null;
  // Who waits: the reader for an item, the source for room in the queue.
  const wake: { reader: (() => void) | null; source: (() => void) | null } = { reader: null, source: null };
  let stopped = false;

  const fill = (async () => {
    try {
      while (!stopped) {
        if (queue.length >= limit) {
          await new Promise<void>((resolve) => (wake.source = resolve));
          continue;
        }
        const next = await source.next();
        queue.push(next);
        wake.reader?.();
        if (next.done) return;
      }
    } catch (error) {
      failure = { error };
      wake.reader?.();
    }
  })();

  try {
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((resolve) => (wake.reader = resolve));
      wake.reader = null;
      const next = queue.shift();
      if (!next) throw (failure as { error: unknown } | null)?.error;
      wake.source?.();
      wake.source = null;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    stopped = true;
    wake.source?.();
    await source.return(undefined);
    await fill.catch(() => {});
  }
}
