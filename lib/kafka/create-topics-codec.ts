import { ClassicReader, ClassicWriter } from './wire';

/**
 * CreateTopics (API key 19, version 4) encoded by hand so the broker's own refusal message
 * ("Unknown topic config name: foo") reaches the user; kafkajs keeps only the error code.
 */
export const CREATE_TOPICS_API_KEY = 19;
export const CREATE_TOPICS_VERSION = 4;

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface CreateTopicResult {
  name: string;
  errorCode: number;
  errorMessage: string | null;
}

export function encodeCreateTopicsRequest(topics: NewTopic[], timeoutMs: number, validateOnly: boolean): Buffer {
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
}

export function decodeCreateTopicsResponse(payload: Buffer): CreateTopicResult[] {
  const r = new ClassicReader(payload);
  r.int32(); // throttle time
  return r.array((tr) => ({ name: tr.string() ?? '', errorCode: tr.int16(), errorMessage: tr.string() }));
}
