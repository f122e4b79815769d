import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * DescribeShareGroupOffsets (API key 90) of KIP-932: a share group has no committed offsets (OffsetFetch
 * knows none) but a share-partition start offset (SPSO) per partition, kept by the share coordinator.
 * v1 (Kafka 4.2+, KIP-1226) adds the lag the broker computes. Pure; layout as in Kafka 4.3's schemas.
 */
export interface SharePartitionOffset {
  topic: string;
  partition: number;
  /** The share-partition start offset; -1 while the partition is not initialised (nothing consumed yet). */
  startOffset: number;
  leaderEpoch: number;
  /** Records not yet acknowledged (v1); -1 when unknown, null from a v0 answer, which has no lag. */
  lag: number | null;
  errorCode: number;
  errorMessage: string | null;
}

export interface ShareGroupOffsets {
  groupId: string;
  errorCode: number;
  errorMessage: string | null;
  partitions: SharePartitionOffset[];
}

export const describeShareGroupOffsets: KafkaApi<{ groupIds: string[] }, ShareGroupOffsets[]> = {
  name: 'DescribeShareGroupOffsets',
  apiKey: 90,
  versions: [0, 1],
  /** Every partition the group has a start offset for (topics: null = all of them), per group. */
  encode({ groupIds }) {
    const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
    w.compactArray(groupIds, (gw, groupId) => {
      gw.compactString(groupId);
      gw.uvarint(0); // topics: null, every topic
      gw.emptyTaggedFields();
    });
    return w.emptyTaggedFields().toBuffer();
  },
  decode(payload, version) {
    const r = new CompactReader(payload);
    r.skipTaggedFields(); // response header v1 tags
    r.int32(); // throttle time
    const groups = r.compactArray((gr): ShareGroupOffsets => {
      const groupId = gr.compactString() ?? '';
      const partitions = gr
        .compactArray((tr) => {
          const topic = tr.compactString() ?? '';
          tr.skip(16); // topic id
          const inTopic = tr.compactArray((pr): SharePartitionOffset => {
            const partition = pr.int32();
            const startOffset = Number(pr.int64());
            const leaderEpoch = pr.int32();
            const lag = version >= 1 ? Number(pr.int64()) : null;
            const errorCode = pr.int16();
            const errorMessage = pr.compactString();
            pr.skipTaggedFields();
            return { topic, partition, startOffset, leaderEpoch, lag, errorCode, errorMessage };
          });
          tr.skipTaggedFields();
          return inTopic;
        })
        .flat();
      const errorCode = gr.int16();
      const errorMessage = gr.compactString();
      gr.skipTaggedFields();
      return { groupId, errorCode, errorMessage, partitions };
    });
    r.skipTaggedFields();
    return groups;
  },
};
