import type { KafkaApi } from '../api';
import { ClassicReader, ClassicWriter, CompactReader, CompactWriter } from '../wire';

/**
 * ListOffsets (API key 2): the offset of each partition at a time (-2 earliest, -1 latest, or a
 * timestamp), sent to the partitions' leader. Hand-encoded because kafkajs throws the whole answer
 * away when one partition has an error: a topic being created or deleted elsewhere on the same
 * broker then blanked every other partition's offsets. Here errors stay per partition.
 */
export interface ListOffsetsRequest {
  /** 0 read_uncommitted (the high watermark), 1 read_committed (the last stable offset). */
  isolationLevel: 0 | 1;
  topics: { name: string; partitions: { partition: number; timestamp: number }[] }[];
  /** v10+: how long the broker may wait for offsets kept in remote storage. */
  timeoutMs: number;
}

export interface ListOffsetsPartition {
  partition: number;
  errorCode: number;
  timestamp: number;
  /** int64 as a decimal string, as kafkajs answered it. */
  offset: string;
}

export interface ListOffsetsResponse {
  responses: { topic: string; partitions: ListOffsetsPartition[] }[];
}

const CONSUMER_REPLICA_ID = -1;
const NO_LEADER_EPOCH = -1;
const FLEXIBLE = 6;

export const listOffsets: KafkaApi<ListOffsetsRequest, ListOffsetsResponse> = {
  name: 'ListOffsets',
  apiKey: 2,
  versions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  encode(request, version) {
    if (version >= FLEXIBLE) {
      const w = new CompactWriter()
        .emptyTaggedFields()
        .int32(CONSUMER_REPLICA_ID)
        .int8(request.isolationLevel)
        .compactArray(request.topics, (tw, topic) => {
          tw.compactString(topic.name)
            .compactArray(topic.partitions, (pw, p) => pw.int32(p.partition).int32(NO_LEADER_EPOCH).int64(p.timestamp).emptyTaggedFields())
            .emptyTaggedFields();
        });
      if (version >= 10) w.int32(request.timeoutMs);
      return w.emptyTaggedFields().toBuffer();
    }
    const w = new ClassicWriter().int32(CONSUMER_REPLICA_ID);
    if (version >= 2) w.int8(request.isolationLevel);
    return w
      .array(request.topics, (tw, topic) => {
        tw.string(topic.name).array(topic.partitions, (pw, p) => {
          pw.int32(p.partition);
          if (version >= 4) pw.int32(NO_LEADER_EPOCH);
          pw.int64(BigInt(p.timestamp));
        });
      })
      .toBuffer();
  },
  decode(payload, version) {
    if (version >= FLEXIBLE) {
      const r = new CompactReader(payload);
      r.skipTaggedFields();
      r.int32(); // throttle time
      const responses = r.compactArray((tr) => {
        const topic = tr.compactString() ?? '';
        const partitions = tr.compactArray((pr) => {
          const partition = pr.int32();
          const errorCode = pr.int16();
          const timestamp = Number(pr.int64());
          const offset = pr.int64().toString();
          pr.int32(); // leader epoch
          pr.skipTaggedFields();
          return { partition, errorCode, timestamp, offset };
        });
        tr.skipTaggedFields();
        return { topic, partitions };
      });
      return { responses };
    }
    const r = new ClassicReader(payload);
    if (version >= 2) r.int32(); // throttle time
    const responses = r.array((tr) => ({
      topic: tr.string() ?? '',
      partitions: tr.array((pr) => {
        const partition = pr.int32();
        const errorCode = pr.int16();
        const timestamp = Number(pr.int64());
        const offset = pr.int64().toString();
        if (version >= 4) pr.int32(); // leader epoch
        return { partition, errorCode, timestamp, offset };
      }),
    }));
    return { responses };
  },
};
