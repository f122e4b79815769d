import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * DescribeConfigs (API key 32, version 1) encoded by hand: kafkajs refreshes metadata for every
 * topic before each call (slow on big clusters) and throws away a whole batch if one topic is gone.
 */
export interface ConfigResourceRequest {
  type: number;
  name: string;
  /** null for every config. */
  configNames: string[] | null;
}

export interface RawConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  source: number;
  isSensitive: boolean;
}

export interface ConfigResourceResult {
  errorCode: number;
  errorMessage: string | null;
  type: number;
  name: string;
  configs: RawConfig[];
}

export const describeConfigs: KafkaApi<{ resources: ConfigResourceRequest[] }, ConfigResourceResult[]> = {
  name: 'DescribeConfigs',
  apiKey: 32,
  versions: [1],
  encode({ resources }) {
    return new ClassicWriter()
      .array(resources, (w, r) =>
        w
          .int8(r.type)
          .string(r.name)
          .array(r.configNames, (cw, n) => cw.string(n)),
      )
      .boolean(false) // synonyms: not needed, the source says where a value comes from
      .toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    return r.array((rr) => ({
      errorCode: rr.int16(),
      errorMessage: rr.string(),
      type: rr.int8(),
      name: rr.string() ?? '',
      configs: rr.array((cr) => {
        const config = { name: cr.string() ?? '', value: cr.string(), readOnly: cr.boolean(), source: cr.int8(), isSensitive: cr.boolean() };
        cr.array((sr) => [sr.string(), sr.string(), sr.int8()]); // synonyms (none asked for)
        return config;
      }),
    }));
  },
};
