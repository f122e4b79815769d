import type { KafkaApi } from '../api';
import { ClassicReader, ClassicWriter } from '../wire';

/**
 * OffsetDelete (API key 47, version 0): removes a group's committed offsets for some partitions,
 * as `kafka-consumer-groups --delete-offsets` does; kafkajs lacks it. Sent to the group's
 * coordinator, which refuses partitions of a topic the group's members are subscribed to
 * (GROUP_SUBSCRIBED_TO_TOPIC, 86).
 */
export interface OffsetDeleteRequest {
  groupId: string;
  topics: { name: string; partitions: number[] }[];
}

export interface OffsetDeleteResponse {
  /** Group-level error (e.g. 69 GROUP_ID_NOT_FOUND, 16 NOT_COORDINATOR). */
  errorCode: number;
  topics: { name: string; partitions: { partition: number; errorCode: number }[] }[];
}

export const offsetDelete: KafkaApi<OffsetDeleteRequest, OffsetDeleteResponse> = {
  name: 'OffsetDelete',
  apiKey: 47,
  versions: [0],
  encode(request) {
    return new ClassicWriter()
      .string(request.groupId)
      .array(request.topics, (w, topic) => {
        w.string(topic.name).array(topic.partitions, (pw, partition) => pw.int32(partition));
      })
      .toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    const errorCode = r.int16();
    r.int32(); // throttle time
    const topics = r.array((tr) => ({
      name: tr.string() ?? '',
      partitions: tr.array((pr) => ({ partition: pr.int32(), errorCode: pr.int16() })),
    }));
    return { errorCode, topics };
  },
};
