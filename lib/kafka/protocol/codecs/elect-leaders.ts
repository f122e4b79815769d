import type { KafkaApi } from '../api';
import { ClassicReader, ClassicWriter, CompactReader, CompactWriter } from '../wire';

/**
 * ElectLeaders (API key 43), as `kafka-leader-election` sends it; kafkajs lacks it. v0 has no
 * election type (preferred only), so v1+. `partitions: null` asks for every partition.
 */
export const ELECTION_TYPE = { preferred: 0, unclean: 1 } as const;

export interface ElectLeadersRequest {
  electionType: (typeof ELECTION_TYPE)[keyof typeof ELECTION_TYPE];
  partitions: { topic: string; partitions: number[] }[] | null;
  timeoutMs: number;
}

export interface ElectLeadersResponse {
  /** Top-level error, e.g. CLUSTER_AUTHORIZATION_FAILED (31). */
  errorCode: number;
  results: { topic: string; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }[];
}

const FLEXIBLE = 2;

export const electLeaders: KafkaApi<ElectLeadersRequest, ElectLeadersResponse> = {
  name: 'ElectLeaders',
  apiKey: 43,
  versions: [1, 2],
  encode(request, version) {
    if (version >= FLEXIBLE) {
      const w = new CompactWriter().emptyTaggedFields().int8(request.electionType);
      if (request.partitions === null) w.uvarint(0);
      else {
        w.compactArray(request.partitions, (tw, t) => {
          tw.compactString(t.topic)
            .compactArray(t.partitions, (pw, p) => pw.int32(p))
            .emptyTaggedFields();
        });
      }
      return w.int32(request.timeoutMs).emptyTaggedFields().toBuffer();
    }
    return new ClassicWriter()
      .int8(request.electionType)
      .array(request.partitions, (tw, t) => {
        tw.string(t.topic).array(t.partitions, (pw, p) => pw.int32(p));
      })
      .int32(request.timeoutMs)
      .toBuffer();
  },
  decode(payload, version) {
    if (version >= FLEXIBLE) {
      const r = new CompactReader(payload);
      r.skipTaggedFields();
      r.int32(); // throttle time
      const errorCode = r.int16();
      const results = r.compactArray((tr) => {
        const topic = tr.compactString() ?? '';
        const partitions = tr.compactArray((pr) => {
          const partition = pr.int32();
          const partitionError = pr.int16();
          const errorMessage = pr.compactString();
          pr.skipTaggedFields();
          return { partition, errorCode: partitionError, errorMessage };
        });
        tr.skipTaggedFields();
        return { topic, partitions };
      });
      return { errorCode, results };
    }
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    const errorCode = r.int16();
    const results = r.array((tr) => ({
      topic: tr.string() ?? '',
      partitions: tr.array((pr) => ({ partition: pr.int32(), errorCode: pr.int16(), errorMessage: pr.string() })),
    }));
    return { errorCode, results };
  },
};
