import type { RawFetchResult } from '../../protocol-types';
import type { KafkaApi } from '../api';
import { RecordReader, decodeRecordSet } from '../record-set';

/**
 * Fetch (API key 1) v11 responses, decoded lazily: partition headers at once, records only as they
 * are iterated (record-set.ts). The request is encoded by kafkajs (kafkajs-adapter.ts), so this
 * descriptor has no `encode` and is not sent with `call`.
 */
export const fetchResponse: Omit<KafkaApi<never, RawFetchResult>, 'encode'> = {
  name: 'Fetch',
  apiKey: 1,
  versions: [11],
  /** Per-partition errors and high watermarks now, records when iterated. */
  decode(payload) {
    const r = new RecordReader(payload);
    r.int32(); // throttle time
    r.int16(); // top-level error (fetch sessions only)
    r.int32(); // session id
    const responses: RawFetchResult['responses'] = [];
    for (let t = r.int32(); t > 0; t--) {
      const topicName = r.string() ?? '';
      const partitions: RawFetchResult['responses'][number]['partitions'] = [];
      for (let p = r.int32(); p > 0; p--) {
        const partition = r.int32();
        const errorCode = r.int16();
        const highWatermark = r.long();
        const lastStableOffset = r.long();
        r.skip(8); // log start offset
        const abortedTransactions: { producerId: bigint; firstOffset: number }[] = [];
        for (let a = r.int32(); a > 0; a--) abortedTransactions.push({ producerId: r.int64(), firstOffset: r.long() });
        r.int32(); // preferred read replica
        const recordSet = r.bytes(r.int32());
        partitions.push({
          partition,
          errorCode,
          highWatermark: String(highWatermark),
          lastStableOffset,
          abortedTransactions,
          messages: { [Symbol.iterator]: () => (recordSet ? decodeRecordSet(recordSet) : [][Symbol.iterator]()) },
          recordSet,
        });
      }
      responses.push({ topicName, partitions });
    }
    return { responses };
  },
};
