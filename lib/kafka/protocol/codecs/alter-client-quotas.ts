import type { KafkaApi } from '../api';
import { CompactReader, CompactWriter } from '../wire';
import type { QuotaEntityPart } from './describe-client-quotas';
import { writeFloat64, writeNullableString } from '../wire-extras';

/**
 * AlterClientQuotas (API key 49, v1, flexible; Kafka 2.8+): sets or removes quota values of
 * entities. `remove: true` ignores the value. Each entry is answered on its own (error per entity).
 */
export interface AlterClientQuotasRequest {
  entries: { entity: QuotaEntityPart[]; ops: { key: string; value: number; remove: boolean }[] }[];
  validateOnly: boolean;
}

export interface AlterClientQuotasResponse {
  entries: { errorCode: number; errorMessage: string | null; entity: QuotaEntityPart[] }[];
}

export const alterClientQuotas: KafkaApi<AlterClientQuotasRequest, AlterClientQuotasResponse> = {
  name: 'AlterClientQuotas',
  apiKey: 49,
  versions: [1],
  encode({ entries, validateOnly }) {
    return new CompactWriter()
      .emptyTaggedFields()
      .compactArray(entries, (w, entry) => {
        w.compactArray(entry.entity, (ew, part) => {
          ew.compactString(part.entityType);
          writeNullableString(ew, part.entityName).emptyTaggedFields();
        });
        w.compactArray(entry.ops, (ow, op) => {
          ow.compactString(op.key);
          writeFloat64(ow, op.value)
            .int8(op.remove ? 1 : 0)
            .emptyTaggedFields();
        });
        w.emptyTaggedFields();
      })
      .int8(validateOnly ? 1 : 0)
      .emptyTaggedFields()
      .toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const entries = r.compactArray((er) => {
      const errorCode = er.int16();
      const errorMessage = er.compactString() || null;
      const entity = er.compactArray((pr) => {
        const entityType = pr.compactString() ?? '';
        const entityName = pr.compactString();
        pr.skipTaggedFields();
        return { entityType, entityName };
      });
      er.skipTaggedFields();
      return { errorCode, errorMessage, entity };
    });
    r.skipTaggedFields();
    return { entries };
  },
};
