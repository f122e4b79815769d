import 'server-only';
import type { ConnectConfig } from '@/lib/config';
import { secretNames } from '@/lib/connect-secrets';
import { connectRequest, segment } from './client';

/** A plugin's definition changes only with a worker upgrade: read once per worker and class for a while. */
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { names: Promise<Set<string>>; at: number }>();

/** Used when the definition cannot be read: any setting whose name says it is a secret is one. */
const SECRET_WORDS = ['password', 'secret', 'credential', 'jaas', 'token', 'private.key'];

/**
 * The setting names that are secret for a connector class on a worker: its PASSWORD-typed settings
 * (GET /connector-plugins/{class}/config) and the Kafka client ones. Concurrent callers share one request.
 * When the worker cannot tell, the names of the config itself that look secret are used instead.
 */
export async function secretNamesFor(config: ConnectConfig, pluginClass: string, connectorConfig: Record<string, string>): Promise<Set<string>> {
  const key = `${config.url}\u0000${pluginClass}`;
  let entry = cache.get(key);
  if (!entry || Date.now() - entry.at > TTL_MS) {
    const names = connectRequest<{ name: string; type: string }[]>(config, `/connector-plugins/${segment(pluginClass)}/config`).then((defs) =>
      secretNames(defs),
    );
    entry = { names, at: Date.now() };
    cache.set(key, entry);
    names.catch(() => cache.delete(key));
  }
  try {
    return await entry.names;
  } catch {
    const guessed = Object.keys(connectorConfig).filter((k) => SECRET_WORDS.some((word) => k.toLowerCase().includes(word)));
    return new Set([...secretNames([]), ...guessed]);
  }
}
