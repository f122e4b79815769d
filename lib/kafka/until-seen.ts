import { sleep } from '@/lib/sleep';

/**
 * Waits (up to ~3 s) until `seen()` is true. Kafka acknowledges a credential or quota change once
 * the controller committed it; the brokers apply it a moment later, so a list read at once could
 * still show the old state. Not an error when it times out: the change was acknowledged.
 */
export async function untilSeen(seen: () => Promise<boolean | undefined>, attempts = 15, intervalMs = 200): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await seen()) return true;
    await sleep(intervalMs);
  }
  return false;
}
