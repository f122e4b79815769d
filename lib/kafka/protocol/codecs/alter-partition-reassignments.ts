import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * AlterPartitionReassignments (API key 45, v0–v1, flexible): starts moving partitions to new
 * replica lists, or cancels a pending move (replicas null) — what `kafka-reassign-partitions
 * --execute` and `--cancel` send. v1 adds AllowReplicationFactorChange (Kafka 4.1).
 */
export interface AlterPartitionReassignmentsRequest {
  timeoutMs: number;
  /** v1+; false makes the controller refuse a replica list whose length differs from the current one. */
  allowReplicationFactorChange: boolean;
  topics: { name: string; partitions: { partition: number; replicas: number[] | null }[] }[];
}

export interface AlterPartitionReassignmentsResponse {
  errorCode: number;
  errorMessage: string | null;
  partitions: { topic: string; partition: number; errorCode: number; errorMessage: string | null }[];
}

export const alterPartitionReassignments: KafkaApi<AlterPartitionReassignmentsRequest, AlterPartitionReassignmentsResponse> = {
  name: 'AlterPartitionReassignments',
  apiKey: 45,
  versions: [0, 1],
  encode(request, version) {
    const w = new CompactWriter().emptyTaggedFields().int32(request.timeoutMs);
    if (version >= 1) w.int8(request.allowReplicationFactorChange ? 1 : 0);
    return w
      .compactArray(request.topics, (tw, topic) => {
        tw.compactString(topic.name)
          .compactArray(topic.partitions, (pw, p) => {
            pw.int32(p.partition);
            // A null replica list (cancel) is a compact array of length 0 - 1.
            if (p.replicas === null) pw.uvarint(0);
            else pw.compactArray(p.replicas, (rw, id) => rw.int32(id));
            pw.emptyTaggedFields();
          })
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
  },
  decode(payload, version) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    if (version >= 1) r.boolean(); // AllowReplicationFactorChange, echoed
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const partitions = r
      .compactArray((tr) => {
        const topic = tr.compactString() ?? '';
        const list = tr.compactArray((pr) => {
          const partition = pr.int32();
          const code = pr.int16();
          const message = pr.compactString();
          pr.skipTaggedFields();
          return { topic, partition, errorCode: code, errorMessage: message };
        });
        tr.skipTaggedFields();
        return list;
      })
      .flat();
    r.skipTaggedFields();
    return { errorCode, errorMessage, partitions };
  },
};
