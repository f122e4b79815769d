/**
 * One descriptor per hand-encoded Kafka API (issue 17): its key, the versions our codec can
 * write, and the codec. `ProtocolCluster.call` picks the highest version both sides speak, so no
 * request goes out in a version the broker does not support.
 *
 * New codecs live in `codecs/<api-name>.ts`, each exporting one camelCase descriptor named after
 * the API, with a unit test against bytes captured from Kafka's own Java client or tools.
 *
 * Fetch (`codecs/fetch.ts`) is the one decode-only descriptor, not sent with `call`: kafkajs
 * encodes its request, which it does correctly, and `ProtocolCluster.fetch` only swaps in our
 * decoder, so records are decoded lazily as they are iterated instead of kafkajs decoding the whole
 * answer at once. Brokers without Fetch v11 get kafkajs's own decoding.
 */
export interface KafkaApi<Request, Response> {
  /** Kafka's name for the API, e.g. "DescribeUserScramCredentials". */
  name: string;
  apiKey: number;
  /** The versions `encode`/`decode` handle, in any order; the highest one the broker supports is used. */
  versions: readonly number[];
  /**
   * The request body after kafkajs's v1 header. Flexible versions start with the header's empty
   * tagged-field section (header v2 is v1 plus tags, and kafkajs writes only v1).
   */
  encode(request: Request, version: number): Buffer;
  /** The response after the correlation id (flexible versions: starting with the header's tags). */
  decode(payload: Buffer, version: number): Response;
}

/** Thrown when the broker speaks none of the versions the codec can write (an older Kafka). */
export class UnsupportedApiError extends Error {
  readonly code = 'UNSUPPORTED_BY_BROKER';
  constructor(
    readonly api: string,
    readonly supported: { minVersion: number; maxVersion: number } | null,
    readonly ours: readonly number[],
  ) {
    super(
      supported
        ? `This broker speaks ${api} v${supported.minVersion}–v${supported.maxVersion}; the dashboard needs v${[...ours].sort((a, b) => a - b).join('/v')}`
        : `This broker does not support ${api} (Kafka API key unknown to it): a newer Kafka is needed`,
    );
    this.name = 'UnsupportedApiError';
  }
}

/** The highest of `ours` within the broker's range, or null when there is none. */
export function pickVersion(ours: readonly number[], supported: { minVersion: number; maxVersion: number } | null | undefined): number | null {
  if (!supported) return null;
  let best: number | null = null;
  for (const v of ours) if (v >= supported.minVersion && v <= supported.maxVersion && (best === null || v > best)) best = v;
  return best;
}
