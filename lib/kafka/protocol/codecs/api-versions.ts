import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * ApiVersions (API key 18) version 3, for its finalized features: `metadata.version` is the one
 * version a KRaft cluster reports over the protocol (what `kafka-features describe` prints as
 * FinalizedVersionLevel). kafkajs sends v2, which has no features.
 */
export class ApiVersionsError extends Error {
  constructor(readonly errorCode: number) {
    super(`ApiVersions failed with Kafka error code ${errorCode}`);
  }
}

/** Finalized feature levels by name (a Map: names come from the broker). */
export type FinalizedFeatures = Map<string, number>;

const FINALIZED_FEATURES_TAG = 2;

export const apiVersions: KafkaApi<null, FinalizedFeatures> = {
  name: 'ApiVersions',
  apiKey: 18,
  versions: [3],
  /** The request body: client software name and version, as KIP-511 asks (header v2: tags first). */
  encode() {
    return new CompactWriter().emptyTaggedFields().compactString('kafka-dashboard').compactString('0.1.0').emptyTaggedFields().toBuffer();
  },
  /**
   * ApiVersions answers with response header v0 even when flexible (the client may not know yet
   * which versions the broker speaks), so no header tags. An error code is thrown, not returned.
   */
  decode(payload) {
    const r = new CompactReader(payload);
    const errorCode = r.int16();
    if (errorCode !== 0) throw new ApiVersionsError(errorCode);
    r.compactArray((ar) => {
      ar.int16();
      ar.int16();
      ar.int16();
      ar.skipTaggedFields();
    });
    r.int32(); // throttle time
    const features: FinalizedFeatures = new Map();
    const tags = r.uvarint();
    for (let i = 0; i < tags; i++) {
      const tag = r.uvarint();
      const size = r.uvarint();
      const end = r.position + size;
      if (tag === FINALIZED_FEATURES_TAG) {
        for (const { name, maxVersionLevel } of r.compactArray((fr) => {
          const name = fr.compactString() ?? '';
          const maxVersionLevel = fr.int16();
          fr.int16(); // min version level
          fr.skipTaggedFields();
          return { name, maxVersionLevel };
        }))
          features.set(name, maxVersionLevel);
      }
      r.skip(end - r.position);
    }
    return features;
  },
};
