import 'server-only';
import { sleep } from '@/lib/sleep';

/** How many more rounds an unknown topic is asked for, 250 ms apart. */
const UNKNOWN_TOPIC_ROUNDS = 4;
const ROUND_GAP_MS = 250;

/**
 * Brokers learn a new topic from the controller a moment apart (on a loaded machine, more than a
 * second apart), and a request with no broker named goes to any of them. `ask()` goes to any
 * broker first; while no answer knows the topic, `ask(broker)` goes to every broker of `brokers()`,
 * 250 ms apart, for about a second. Answers the first answer that knows the topic (which may still
 * carry another error, such as an authorization failure), or the last "unknown" one.
 * `ask(broker)` answering undefined (the broker did not answer) counts as not knowing.
 */
export async function askUntilKnown<T>(
  brokers: () => Promise<number[]> | number[],
  ask: (broker?: number) => Promise<T | undefined>,
  knows: (answer: T) => boolean,
): Promise<T | undefined> {
  let last = await ask();
  if (last !== undefined && knows(last)) return last;
  const everyBroker = await brokers();
  for (let round = 0; round < UNKNOWN_TOPIC_ROUNDS; round++) {
    await sleep(ROUND_GAP_MS);
    const answers = await Promise.all(everyBroker.map((broker) => ask(broker).catch(() => undefined)));
    const known = answers.find((a) => a !== undefined && knows(a));
    if (known !== undefined) return known;
    last = answers.findLast((a) => a !== undefined) ?? last;
  }
  return last;
}
