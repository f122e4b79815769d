import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/** InitProducerId (API key 22, v1) for producer.ts's idempotent (not transactional) producer. */
export interface InitProducerIdResponse {
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
}

export const initProducerId: KafkaApi<null, InitProducerIdResponse> = {
  name: 'InitProducerId',
  apiKey: 22,
  versions: [1],
  encode() {
    return new ClassicWriter().string(null).int32(60_000).toBuffer(); // no transactional id, 60 s
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    return { errorCode: r.int16(), producerId: r.int64(), producerEpoch: r.int16() };
  },
};
