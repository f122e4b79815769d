import 'server-only';
import { Partitioners } from 'kafkajs';
import type { CheckedProduceRequest } from '@/lib/produce-request';
import type { ProduceResult } from '@/lib/types/messages';
import { withCluster } from './clients';
import { badRequest } from './errors';
import type { CompressionCodec } from './compression';
import type { Producer, ProducerMessage } from './producer';
import { writeFailure } from './write-failure';
import type { RawTopic } from './protocol';
import { refuseInternalTopic, topicMetadata } from './topics';
import { encodeSchemaFields } from './schema-registry/encode';

/** Kafka's default partitioner for keyed messages (murmur2, as the Java client), so keys land where Java producers put them. */
const keyHash = Partitioners.DefaultPartitioner();

export type PartitionChoice = { kind: 'round-robin' } | { kind: 'key-hash' } | { kind: 'partition'; partition: number };

/** Decides partitions up front, so each message's offset is known from its partition's base offset. */
export function partitionChooser(meta: RawTopic, choice: PartitionChoice) {
  const partitionMetadata = meta.partitionMetadata.map((p) => ({
    partitionId: p.partitionId,
    leader: p.leader,
    partitionErrorCode: p.partitionErrorCode,
    replicas: p.replicas,
    isr: p.isr,
  }));
  const count = partitionMetadata.length;
  let next = 0;
  return (key: Buffer | string | null, explicit?: number): number => {
    if (explicit !== undefined) return explicit;
    if (choice.kind === 'partition') return choice.partition;
    if (choice.kind === 'key-hash' && key !== null) return keyHash({ topic: meta.topic, partitionMetadata, message: { key, value: null } });
    return next++ % count; // round-robin, also for messages without a key
  };
}

/**
 * Writes messages grouped per partition, one send per partition so a failure says exactly which
 * partitions were written; returns each message's partition and offset in input order.
 */
export async function sendPerPartition(producer: Producer, topic: string, messages: ProducerMessage[], compression: CompressionCodec = 'none') {
  const byPartition = new Map<number, { index: number; message: ProducerMessage }[]>();
  messages.forEach((message, index) => {
    const entries = byPartition.get(message.partition);
    if (entries) entries.push({ index, message });
    else byPartition.set(message.partition, [{ index, message }]);
  });
  const results = await Promise.allSettled(
    [...byPartition].map(async ([partition, entries]) => {
      const [meta] = await producer.send({ topic, acks: -1, messages: entries.map((e) => e.message), compression });
      return { partition, entries, baseOffset: Number(meta.baseOffset) };
    }),
  );
  const offsets: { partition: number; offset: number }[] = new Array(messages.length);
  const written = new Map<number, number>();
  let failure: unknown = null;
  for (const r of results) {
    if (r.status === 'rejected') {
      failure ??= r.reason;
      continue;
    }
    r.value.entries.forEach((e, i) => {
      offsets[e.index] = { partition: r.value.partition, offset: r.value.baseOffset + i };
    });
    written.set(r.value.partition, r.value.entries.length);
  }
  return { offsets, written, failure };
}

/**
 * POST …/messages: one or a few messages, key/value as UTF-8 text or a record encoded with a
 * registry schema (all encoded before anything is written), optional headers and partition.
 */
export async function produceMessages(cluster: string, topic: string, request: CheckedProduceRequest): Promise<ProduceResult> {
  refuseInternalTopic(topic, 'write to');
  return withCluster(cluster, async ({ protocol, producer }) => {
    const meta = await topicMetadata(protocol, topic);
    refuseInternalTopic(topic, 'write to', meta);
    const partitions = new Set(meta.partitionMetadata.map((p) => p.partitionId));
    const wrong = request.messages.find((m) => m.partition !== undefined && !partitions.has(m.partition));
    if (wrong) throw badRequest(`Topic "${topic}" has no partition ${wrong.partition} (it has ${partitions.size})`, 'UNKNOWN_PARTITION');
    const choose = partitionChooser(meta, { kind: 'key-hash' });
    const messages = (await encodeSchemaFields(cluster, request.messages)).map((m) => ({
      key: m.key ?? null,
      value: m.value,
      headers: m.headers,
      partition: choose(m.key ?? null, m.partition),
    }));
    const { offsets, written, failure } = await sendPerPartition(await producer(), topic, messages, request.compression);
    if (failure) throw writeFailure(cluster, topic, failure, written, messages);
    return { written: messages.length, offsets };
  });
}
