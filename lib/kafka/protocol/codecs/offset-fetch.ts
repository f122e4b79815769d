import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * OffsetFetch (API key 9, version 8): committed offsets of many groups in one request (KIP-709).
 * kafkajs asks one group at a time, which is one round trip per group on a big cluster.
 */
export interface GroupCommittedOffsets {
  groupId: string;
  errorCode: number;
  partitions: { topic: string; partition: number; committedOffset: number; errorCode: number }[];
}

export const offsetFetch: KafkaApi<{ groupIds: string[] }, GroupCommittedOffsets[]> = {
  name: 'OffsetFetch',
  apiKey: 9,
  versions: [8],
  /** Asks for every committed offset (a null topic list) of each group. */
  encode({ groupIds }) {
    const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
    w.compactArray(groupIds, (gw, groupId) => {
      gw.compactString(groupId).uvarint(0).emptyTaggedFields(); // topics: null = all
    });
    w.int8(0); // require_stable: false
    return w.emptyTaggedFields().toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields(); // response header v1 tags
    r.int32(); // throttle time
    const groups = r.compactArray((gr) => {
      const groupId = gr.compactString() ?? '';
      const partitions = gr
        .compactArray((tr) => {
          const topic = tr.compactString() ?? '';
          const parts = tr.compactArray((pr) => {
            const partition = pr.int32();
            const committedOffset = Number(pr.int64());
            pr.int32(); // committed leader epoch
            pr.compactString(); // metadata
            const errorCode = pr.int16();
            pr.skipTaggedFields();
            return { topic, partition, committedOffset, errorCode };
          });
          tr.skipTaggedFields();
          return parts;
        })
        .flat();
      const errorCode = gr.int16();
      gr.skipTaggedFields();
      return { groupId, errorCode, partitions };
    });
    r.skipTaggedFields();
    return groups;
  },
};
