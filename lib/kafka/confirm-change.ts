import 'server-only';
import { ApiError, causes, toApiError } from './errors';
import { sleep } from '@/lib/sleep';

/** What Kafka shows after a change: whether it is in place, and the state in words for the answer. */
export interface Observed {
  applied: boolean;
  state: string;
}

export interface Change {
  /** In words, for the answer: `adding partitions to "orders"`. */
  what: string;
  apply: () => Promise<unknown>;
  /** Asks Kafka whether the change is in place (metadata, configs). */
  observe: () => Promise<Observed>;
}

/** Brokers learn a change from the controller a moment apart; under load it took seconds here. */
const CONFIRM_WINDOW_MS = 5000;
const CONFIRM_INTERVAL_MS = 250;

function isTimeout(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 'REQUEST_TIMED_OUT';
  return causes(error).some((e) => e.name === 'KafkaJSRequestTimeoutError' || e.type === 'REQUEST_TIMED_OUT');
}

/**
 * A failure that does not say whether Kafka applied the change: no answer in time, a dropped
 * connection, an error Kafka did not explain (its CreatePartitions answers UNKNOWN_SERVER_ERROR
 * after applying part of a too-large request), or "unknown topic" from a retry after a first try
 * that went through. A refusal (invalid config, topic exists, policy) means nothing changed.
 */
function outcomeUnknown(error: unknown, cluster: string): boolean {
  const api = toApiError(error, cluster);
  return api.status >= 500 || api.code === 'TOPIC_NOT_FOUND';
}

/**
 * Applies a change and answers what Kafka actually did: when the request fails without saying,
 * Kafka is asked (for a few seconds, as brokers catch up) and an applied change is a success. One
 * not in place after a timeout is a 504 CHANGE_NOT_CONFIRMED with what Kafka shows now (it may
 * still be applied); any other failure keeps its code and says what Kafka shows now. When Kafka
 * cannot be asked either, the original failure stands.
 */
export async function applyConfirmed(cluster: string, change: Change, windowMs = CONFIRM_WINDOW_MS): Promise<void> {
  try {
    await change.apply();
    return;
  } catch (error) {
    if (!outcomeUnknown(error, cluster)) throw error;
    const deadline = Date.now() + windowMs;
    let observed: Observed;
    for (;;) {
      try {
        observed = await change.observe();
      } catch {
        throw error;
      }
      if (observed.applied) return;
      if (Date.now() >= deadline) break;
      await sleep(CONFIRM_INTERVAL_MS);
    }
    if (isTimeout(error)) {
      throw new ApiError(
        'CHANGE_NOT_CONFIRMED',
        `Kafka did not confirm ${change.what} in time, and ${observed.state}. It may still apply it: look again before retrying`,
      );
    }
    const api = toApiError(error, cluster);
    throw new ApiError(api.code, `${api.message} (${change.what}; now ${observed.state})`);
  }
}
