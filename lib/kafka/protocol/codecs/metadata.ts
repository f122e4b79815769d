import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';
import type { RawMetadata } from '../../protocol-types';

/**
 * Metadata (API key 3, version 5) encoded by hand: kafkajs's own Metadata call throws as soon as
 * one partition has no leader, which is exactly when an operator needs the rest of the answer,
 * and it cannot ask for "no topics". Error codes are kept per topic and partition instead.
 */
export interface MetadataRequest {
  /** `null` asks for every topic, `[]` for none (brokers and cluster id only). */
  topics: string[] | null;
}

export const metadata: KafkaApi<MetadataRequest, RawMetadata> = {
  name: 'Metadata',
  apiKey: 3,
  versions: [5],
  encode({ topics }) {
    return new ClassicWriter()
      .array(topics, (w, topic) => w.string(topic))
      .boolean(false) // never auto-create a topic by looking at it
      .toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    const brokers = r.array((br) => ({ nodeId: br.int32(), host: br.string() ?? '', port: br.int32(), rack: br.string() }));
    const clusterId = r.string() ?? undefined;
    const controllerId = r.int32();
    const ints = (ir: ClassicReader) => ir.int32();
    const topicMetadata = r.array((tr) => ({
      topicErrorCode: tr.int16(),
      topic: tr.string() ?? '',
      isInternal: tr.boolean(),
      partitionMetadata: tr.array((pr) => ({
        partitionErrorCode: pr.int16(),
        partitionId: pr.int32(),
        leader: pr.int32(),
        replicas: pr.array(ints),
        isr: pr.array(ints),
        offlineReplicas: pr.array(ints),
      })),
    }));
    return { clusterId, controllerId, brokers, topicMetadata };
  },
};
