import 'server-only';

interface Entry {
  promise: Promise<unknown>;
  expiresAt: number;
}

const entries = ((globalThis as { __kafkaCoalesce?: Map<string, Entry> }).__kafkaCoalesce ??= new Map());

/**
 * Hands every caller of the same key the same in-flight promise, and keeps a result for
 * `ttlMs`, so ten open tabs polling one page cost one Kafka round trip. Failures are not kept.
 */
export function coalesce<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.promise as Promise<T>;
  const promise = load();
  entries.set(key, { promise, expiresAt: Number.POSITIVE_INFINITY });
  promise.then(
    () => entries.set(key, { promise, expiresAt: Date.now() + ttlMs }),
    () => entries.delete(key),
  );
  return promise;
}

/** Drops cached results whose key starts with `prefix`, after a change makes them stale. */
export function forget(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
