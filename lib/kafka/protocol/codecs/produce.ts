import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * Produce (API key 0, v8), encoded by hand for producer.ts: kafkajs's producer keys its sequence
 * numbers by topic in a plain object, so a topic called `__proto__` wrote them onto
 * Object.prototype and broke producing (and more) for every topic until a restart. v8 is the last
 * version before the flexible encoding, and answers the broker's own error message; Kafka 2.4
 * through 4.x accept it. Pure: no I/O.
 */
export interface ProduceTopicData {
  topic: string;
  partitions: { partition: number; batch: Buffer }[];
}

export interface ProduceRequest {
  acks: number;
  timeoutMs: number;
  topics: ProduceTopicData[];
}

export interface ProducePartitionResult {
  topic: string;
  partition: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTime: bigint;
  logStartOffset: bigint;
  errorMessage: string | null;
}

export const produce: KafkaApi<ProduceRequest, ProducePartitionResult[]> = {
  name: 'Produce',
  apiKey: 0,
  versions: [8],
  encode({ acks, timeoutMs, topics }) {
    return new ClassicWriter()
      .string(null) // transactional id: idempotent, not transactional
      .int16(acks)
      .int32(timeoutMs)
      .array(topics, (w, t) => {
        w.string(t.topic).array(t.partitions, (pw, p) => pw.int32(p.partition).bytes(p.batch));
      })
      .toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    const results: ProducePartitionResult[] = [];
    for (let t = r.int32(); t > 0; t--) {
      const topic = r.string() ?? '';
      for (let p = r.int32(); p > 0; p--) {
        const partition = r.int32();
        const errorCode = r.int16();
        const baseOffset = r.int64();
        const logAppendTime = r.int64();
        const logStartOffset = r.int64();
        const recordErrors = r.array((er) => ({ index: er.int32(), message: er.string() }));
        const errorMessage = r.string() ?? recordErrors.find((e) => e.message)?.message ?? null;
        results.push({ topic, partition, errorCode, baseOffset, logAppendTime, logStartOffset, errorMessage });
      }
    }
    return results; // a throttle time follows
  },
};
