import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * IncrementalAlterConfigs (API key 44, version 0): sets or deletes single config keys. kafkajs only
 * has AlterConfigs, which replaces a resource's whole set of overrides, so changing one key with it
 * silently resets every other override.
 */
export const RESOURCE_TYPE = { topic: 2, broker: 4 } as const;
const OPERATION = { set: 0, delete: 1 } as const;

export interface ConfigChange {
  name: string;
  /** null resets the key to its default (deletes the override). */
  value: string | null;
}

export interface IncrementalAlterConfigsRequest {
  resourceType: number;
  resourceName: string;
  changes: ConfigChange[];
  validateOnly: boolean;
}

export interface AlterResult {
  errorCode: number;
  errorMessage: string | null;
  resourceName: string;
}

export const incrementalAlterConfigs: KafkaApi<IncrementalAlterConfigsRequest, AlterResult[]> = {
  name: 'IncrementalAlterConfigs',
  apiKey: 44,
  versions: [0],
  encode({ resourceType, resourceName, changes, validateOnly }) {
    return new ClassicWriter()
      .array([resourceName], (w, name) => {
        w.int8(resourceType)
          .string(name)
          .array(changes, (cw, change) => {
            cw.string(change.name)
              .int8(change.value === null ? OPERATION.delete : OPERATION.set)
              .string(change.value);
          });
      })
      .boolean(validateOnly)
      .toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    return r.array((rr) => {
      const errorCode = rr.int16();
      const errorMessage = rr.string();
      rr.int8(); // resource type
      const resourceName = rr.string() ?? '';
      return { errorCode, errorMessage, resourceName };
    });
  },
};
