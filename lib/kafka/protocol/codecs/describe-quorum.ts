import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * DescribeQuorum (API key 55, version 0), the request behind `kafka-metadata-quorum describe
 * --status`. In KRaft it is the only true source of the active controller: Metadata's
 * controllerId is a random live broker. Brokers forward it to the controller quorum.
 */
const METADATA_TOPIC = '__cluster_metadata';

export interface QuorumStatus {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: { replicaId: number; logEndOffset: number }[];
  observers: { replicaId: number; logEndOffset: number }[];
}

export class QuorumError extends Error {
  constructor(readonly errorCode: number) {
    super(`DescribeQuorum failed with Kafka error code ${errorCode}`);
  }
}

export const describeQuorum: KafkaApi<null, QuorumStatus> = {
  name: 'DescribeQuorum',
  apiKey: 55,
  versions: [0],
  /**
   * The request body. It starts with an empty tagged-field section because flexible requests use
   * header v2 (v1 plus tags) and kafkajs writes only the v1 header.
   */
  encode() {
    return new CompactWriter()
      .emptyTaggedFields()
      .compactArray([METADATA_TOPIC], (w, topic) => {
        w.compactString(topic)
          .compactArray([0], (pw, partition) => pw.int32(partition).emptyTaggedFields())
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
  },
  /** The payload after the correlation id (kafkajs strips that, not the header's tags); errors are thrown. */
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    const errorCode = r.int16();
    if (errorCode !== 0) throw new QuorumError(errorCode);
    const readReplica = (rr: CompactReader) => {
      const replicaId = rr.int32();
      const logEndOffset = Number(rr.int64());
      rr.skipTaggedFields();
      return { replicaId, logEndOffset };
    };
    const topics = r.compactArray((tr) => {
      const name = tr.compactString();
      const partitions = tr.compactArray((pr) => {
        const partitionIndex = pr.int32();
        const partitionError = pr.int16();
        const leaderId = pr.int32();
        const leaderEpoch = pr.int32();
        const highWatermark = Number(pr.int64());
        const voters = pr.compactArray(readReplica);
        const observers = pr.compactArray(readReplica);
        pr.skipTaggedFields();
        return { partitionIndex, partitionError, leaderId, leaderEpoch, highWatermark, voters, observers };
      });
      tr.skipTaggedFields();
      return { name, partitions };
    });
    const partition = topics.find((t) => t.name === METADATA_TOPIC)?.partitions[0];
    if (!partition) throw new Error('DescribeQuorum answered without the __cluster_metadata partition');
    if (partition.partitionError !== 0) throw new QuorumError(partition.partitionError);
    const { leaderId, leaderEpoch, highWatermark, voters, observers } = partition;
    return { leaderId, leaderEpoch, highWatermark, voters, observers };
  },
};
