import type { KafkaApi } from '../api';
import { CompactReader, CompactWriter } from '../wire';
import { readFloat64, writeNullableString } from '../wire-extras';

/** Kafka's entity types for quotas: "user", "client-id", "ip". */
export interface QuotaEntityPart {
  entityType: string;
  /** null: the default entity of that type (`--entity-default`). */
  entityName: string | null;
}

/**
 * DescribeClientQuotas (API key 48, v1, the first flexible version; Kafka 2.8+). `components: []`
 * with `strict: false` matches every entity. Match types: 0 exact name, 1 the default, 2 any name.
 */
export interface DescribeClientQuotasRequest {
  components: { entityType: string; matchType: 0 | 1 | 2; match: string | null }[];
  strict: boolean;
}

export interface DescribeClientQuotasResponse {
  errorCode: number;
  errorMessage: string | null;
  entries: { entity: QuotaEntityPart[]; values: { key: string; value: number }[] }[];
}

export const describeClientQuotas: KafkaApi<DescribeClientQuotasRequest, DescribeClientQuotasResponse> = {
  name: 'DescribeClientQuotas',
  apiKey: 48,
  versions: [1],
  encode({ components, strict }) {
    return new CompactWriter()
      .emptyTaggedFields()
      .compactArray(components, (w, c) => {
        w.compactString(c.entityType).int8(c.matchType);
        writeNullableString(w, c.match).emptyTaggedFields();
      })
      .int8(strict ? 1 : 0)
      .emptyTaggedFields()
      .toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactString() || null; // Kafka sends "" for "no error"
    // Entries is nullable (null on error): a compact array of length 0 reads as [].
    const entries = r.compactArray((er) => {
      const entity = er.compactArray((pr) => {
        const entityType = pr.compactString() ?? '';
        const entityName = pr.compactString();
        pr.skipTaggedFields();
        return { entityType, entityName };
      });
      const values = er.compactArray((vr) => {
        const key = vr.compactString() ?? '';
        const value = readFloat64(vr);
        vr.skipTaggedFields();
        return { key, value };
      });
      er.skipTaggedFields();
      return { entity, values };
    });
    r.skipTaggedFields();
    return { errorCode, errorMessage, entries };
  },
};
