import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * CreateTopics (API key 19, version 4) encoded by hand so the broker's own refusal message
 * ("Unknown topic config name: foo") reaches the user; kafkajs keeps only the error code.
 */
export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface CreateTopicsRequest {
  topics: NewTopic[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface CreateTopicResult {
  name: string;
  errorCode: number;
  errorMessage: string | null;
}

export const createTopics: KafkaApi<CreateTopicsRequest, CreateTopicResult[]> = {
  name: 'CreateTopics',
  apiKey: 19,
  versions: [4],
  encode({ topics, timeoutMs, validateOnly }) {
    return new ClassicWriter()
      .array(topics, (w, t) => {
        w.string(t.name)
          .int32(t.partitions)
          .int16(t.replicationFactor)
          .array([], () => {}) // no manual replica assignment: let Kafka spread replicas over racks
          .array(Object.entries(t.configs), (cw, [name, value]) => cw.string(name).string(value));
      })
      .int32(timeoutMs)
      .boolean(validateOnly)
      .toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    return r.array((tr) => ({ name: tr.string() ?? '', errorCode: tr.int16(), errorMessage: tr.string() }));
  },
};
