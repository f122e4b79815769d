/**
 * "topic:partition", the key of a partition in Maps (server snapshots, the lag history sent to the
 * browser). Kafka topic names hold only [a-zA-Z0-9._-], never ':'; the last ':' splits all the same.
 */
export const tpKey = (topic: string, partition: number) => `${topic}:${partition}`;

/** The topic and partition of a `tpKey`. */
export function parseTpKey(key: string): { topic: string; partition: number } {
  const colon = key.lastIndexOf(':');
  return { topic: key.slice(0, colon), partition: Number(key.slice(colon + 1)) };
}
