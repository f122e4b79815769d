import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs one of Kafka's own CLI tools against the local cluster: the reference the dashboard is compared with. */
export function kafkaCli(tool: string, ...args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'cluster', 'cluster.mjs'), 'tool', tool, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // A cluster with thousands of topics (after a bench run) answers with megabytes.
    maxBuffer: 256 << 20,
  });
}

/** Runs a cluster script command (kill-broker, start-broker, ...). */
export function clusterScript(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'cluster', 'cluster.mjs'), ...args], { encoding: 'utf8' });
}

/** Polls `check` until it returns a value or `timeoutMs` passes; returns the last value and the time it took. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 1000) {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return { value, elapsedMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
