import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * ListPartitionReassignments (API key 46, v0, flexible): the reassignments in progress, with the
 * replicas being added and removed — what `kafka-reassign-partitions --list` prints.
 */
export interface ListPartitionReassignmentsRequest {
  timeoutMs: number;
  /** null: every partition being reassigned. */
  topics: { name: string; partitions: number[] }[] | null;
}

export interface OngoingReassignment {
  topic: string;
  partition: number;
  /** The full replica set while moving: the target replicas plus those still being removed. */
  replicas: number[];
  adding: number[];
  removing: number[];
}

export interface ListPartitionReassignmentsResponse {
  errorCode: number;
  errorMessage: string | null;
  reassignments: OngoingReassignment[];
}

const int32s = (r: CompactReader) => r.compactArray((ir) => ir.int32());

export const listPartitionReassignments: KafkaApi<ListPartitionReassignmentsRequest, ListPartitionReassignmentsResponse> = {
  name: 'ListPartitionReassignments',
  apiKey: 46,
  versions: [0],
  encode(request) {
    const w = new CompactWriter().emptyTaggedFields().int32(request.timeoutMs);
    if (request.topics === null) w.uvarint(0);
    else {
      w.compactArray(request.topics, (tw, topic) => {
        tw.compactString(topic.name)
          .compactArray(topic.partitions, (pw, p) => pw.int32(p))
          .emptyTaggedFields();
      });
    }
    return w.emptyTaggedFields().toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const reassignments = r
      .compactArray((tr) => {
        const topic = tr.compactString() ?? '';
        const list = tr.compactArray((pr) => {
          const partition = pr.int32();
          const replicas = int32s(pr);
          const adding = int32s(pr);
          const removing = int32s(pr);
          pr.skipTaggedFields();
          return { topic, partition, replicas, adding, removing };
        });
        tr.skipTaggedFields();
        return list;
      })
      .flat();
    r.skipTaggedFields();
    return { errorCode, errorMessage, reassignments };
  },
};
