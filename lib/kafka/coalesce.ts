import 'server-only';

interface Entry {
  promise: Promise<unknown>;
  expiresAt: number;
  /** Until when a kept result may still be answered while a new one loads (stale-while-revalidate). */
  staleUntil?: number;
  /** The load under way that will replace this entry's result. */
  refreshing?: boolean;
}

const entries = ((globalThis as { __kafkaCoalesce?: Map<string, Entry> }).__kafkaCoalesce ??= new Map());

/**
 * Hands every caller of the same key the same in-flight promise, and keeps a result for
 * `ttlMs`, so ten open tabs polling one page cost one Kafka round trip. Failures are not kept.
 * With `staleMs`, a result older than `ttlMs` (up to `staleMs`) is still answered at once while a
 * new one loads in the background: a list that takes Kafka seconds to read (20,000 topics) does
 * not make each request wait for it. `load` is told when it runs in the background (no caller
 * waits for it), so it can keep off the connections callers' requests use.
 */
export function coalesce<T>(key: string, ttlMs: number, load: (background: boolean) => Promise<T>, { staleMs = 0 } = {}): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.promise as Promise<T>;
  if (hit?.staleUntil && hit.staleUntil > now) {
    // Kept longer: answer at once with the last result while a new one loads in the background.
    if (!hit.refreshing) {
      hit.refreshing = true;
      const promise = load(true);
      promise.then(
        () => {
          if (entries.get(key) === hit) entries.set(key, { promise, expiresAt: Date.now() + ttlMs, staleUntil: Date.now() + staleMs });
        },
        () => (hit.refreshing = false),
      );
    }
    return hit.promise as Promise<T>;
  }
  const promise = load(false);
  entries.set(key, { promise, expiresAt: Number.POSITIVE_INFINITY });
  promise.then(
    () => entries.set(key, { promise, expiresAt: Date.now() + ttlMs, staleUntil: staleMs ? Date.now() + staleMs : undefined }),
    () => entries.delete(key),
  );
  return promise;
}

/** Drops cached results whose key starts with `prefix`, after a change makes them stale. */
export function forget(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
