import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * DescribeProducers (API key 61, version 0): the producers with state on each partition. A producer
 * with a coordinator epoch (it has had transaction markers written) or an open transaction means
 * the partition holds transaction markers, which take offsets but are not messages. Pure.
 */
export interface PartitionProducers {
  topic: string;
  partition: number;
  errorCode: number;
  /** True when some producer wrote transactionally (markers present or a transaction open). */
  transactional: boolean;
}

export const describeProducers: KafkaApi<{ topics: { topic: string; partitions: number[] }[] }, PartitionProducers[]> = {
  name: 'DescribeProducers',
  apiKey: 61,
  versions: [0],
  encode({ topics }) {
    return new CompactWriter()
      .emptyTaggedFields()
      .compactArray(topics, (w, t) =>
        w
          .compactString(t.topic)
          .compactArray(t.partitions, (pw, p) => pw.int32(p))
          .emptyTaggedFields(),
      )
      .emptyTaggedFields()
      .toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const topics = r.compactArray((tr) => {
      const topic = tr.compactString() ?? '';
      const partitions = tr.compactArray((pr) => {
        const partition = pr.int32();
        const errorCode = pr.int16();
        pr.compactString(); // error message
        const producers = pr.compactArray((xr) => {
          xr.int64(); // producer id
          xr.int32(); // epoch
          xr.int32(); // last sequence
          xr.int64(); // last timestamp
          const coordinatorEpoch = xr.int32();
          const currentTxnStartOffset = Number(xr.int64());
          xr.skipTaggedFields();
          return coordinatorEpoch >= 0 || currentTxnStartOffset >= 0;
        });
        pr.skipTaggedFields();
        return { topic, partition, errorCode, transactional: producers.some(Boolean) };
      });
      tr.skipTaggedFields();
      return partitions;
    });
    return topics.flat();
  },
};
