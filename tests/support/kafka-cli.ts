import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs one of Kafka's own CLI tools against the local cluster: the reference the dashboard is compared with. */
export function kafkaCli(tool: string, ...args: string[]): string {
  try {
    return execFileSync(process.execPath, [path.join(ROOT, 'cluster', 'cluster.mjs'), 'tool', tool, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // One warm JVM runs the tools (cluster/ToolServer.java): a JVM per call cost the suites minutes of CPU.
      env: { ...process.env, KAFKA_TOOL_SERVER: '1' },
      // A cluster with thousands of topics (after a bench run) answers with megabytes.
      maxBuffer: 256 << 20,
    });
  } catch (error) {
    // Several tools print why they failed on standard output (kafka-reassign-partitions, kafka-topics).
    const stdout = (error as { stdout?: string }).stdout;
    if (error instanceof Error && stdout) error.message += `\nstandard output:\n${stdout.slice(0, 4000)}`;
    throw error;
  }
}

/**
 * Kafka's console consumer in a process group of its own (the Node wrapper and its JVM), so that
 * `process.kill(-child.pid)` stops the JVM too. `properties` are consumer properties (`name=value`).
 */
export function spawnConsoleConsumer(topic: string, groupId: string, properties: string[] = [], options: string[] = []): ChildProcess {
  const args = ['tool', 'console-consumer', '--topic', topic, '--group', groupId, ...options, ...properties.flatMap((p) => ['--consumer-property', p])];
  return spawn(process.execPath, [path.join(ROOT, 'cluster', 'cluster.mjs'), ...args], { detached: true, stdio: 'ignore' });
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

/**
 * `read()` once it answers `expected`, or its last answer after `timeoutMs`. Brokers learn a change
 * from the controller a moment apart: a tool asking right after the dashboard's change may still be
 * answered by a broker that has not applied it. A change that never lands still fails the assertion.
 */
export async function settled<T>(read: () => T, expected: T, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (isDeepStrictEqual(value, expected) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
