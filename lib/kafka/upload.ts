import 'server-only';
import { LineSplitter, splitKeyValue } from '@/lib/line-splitter';
import type { UploadProgress } from '@/lib/types/messages';
import { withCluster } from './clients';
import { describeConfigs } from './configs';
import { badRequest, userFacingError } from './errors';
import { partitionChooser, type PartitionChoice } from './produce';
import { PartitionChains } from './upload-chains';
import type { UploadOptions } from '@/lib/upload-options';
import type { ProducerMessage } from './producer';
import { refuseInternalTopic, topicMetadata } from './topics';

/** A partition's batch is sent once it holds this many bytes (or the topic's max.message.bytes allows no more)… */
const PARTITION_BATCH_BYTES = 1024 * 1024;
/** …or this many records. */
const PARTITION_BATCH_MESSAGES = 10_000;
/** Bytes read but not yet acknowledged, over all partitions: reading waits above this, so memory stays bounded. */
const MAX_UNACKED_BYTES = 8 * 1024 * 1024;
/** Bytes gathered in not-yet-sent batches, over all partitions: above this they all go (a topic with many partitions). */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** Room for the record and batch headers Kafka adds around a message. */
const RECORD_OVERHEAD = 128;

/**
 * Streams a file into a topic, one message per record, yielding progress as it goes. Each
 * partition has its own chain of batches: one in flight per partition, the partitions side by
 * side, the file read on while they wait for their acks (at most MAX_UNACKED_BYTES ahead), so
 * memory stays bounded whatever the file size. Records bigger than the topic's max.message.bytes
 * are skipped and listed; if Kafka refuses a batch no further batch is sent, the ones in flight
 * settle, and the upload stops saying exactly what each partition gained.
 */
export async function uploadLines(cluster: string, topic: string, body: ReadableStream<Uint8Array>, options: UploadOptions) {
  refuseInternalTopic(topic, 'write to');
  const partitioning: PartitionChoice =
    options.partitioner === 'partition' ? { kind: 'partition', partition: options.partition ?? 0 } : { kind: options.partitioner };
  const { meta, maxBytes, producer } = await withCluster(cluster, async ({ protocol, producer: getProducer }) => {
    const meta = await topicMetadata(protocol, topic);
    refuseInternalTopic(topic, 'write to', meta);
    if (partitioning.kind === 'partition' && !meta.partitionMetadata.some((p) => p.partitionId === partitioning.partition)) {
      throw badRequest(`Topic "${topic}" has no partition ${partitioning.partition}`, 'UNKNOWN_PARTITION');
    }
    const configs = await describeConfigs(protocol, 'topic', topic);
    const maxBytes = Number(configs.find((c) => c.name === 'max.message.bytes')?.value ?? 1048588);
    return { meta, maxBytes, producer: await getProducer() };
  });
  const choose = partitionChooser(meta, partitioning);
  const batchBytesLimit = Math.max(1, Math.min(PARTITION_BATCH_BYTES, maxBytes - 1024));

  return async function* progress(): AsyncGenerator<UploadProgress> {
    const state: UploadProgress = { type: 'progress', bytesRead: 0, lines: 0, written: 0, writtenPerPartition: {}, skipped: [], skippedCount: 0 };
    const splitter = new LineSplitter(options.separator);
    const reader = body.getReader();
    const sending = new PartitionChains(producer, topic, options.compression, state);
    const pending = new Map<number, { messages: ProducerMessage[]; bytes: number }>();

    let pendingBytes = 0;
    const send = (partition: number) => {
      const batch = pending.get(partition);
      if (!batch) return;
      pending.delete(partition);
      pendingBytes -= batch.bytes;
      sending.enqueue(partition, batch.messages, batch.bytes);
    };
    const add = (record: Buffer) => {
      state.lines++;
      const { key, value } = options.keyed ? splitKeyValue(record) : { key: null, value: record };
      const size = (key?.length ?? 0) + value.length;
      if (size + RECORD_OVERHEAD > maxBytes) {
        state.skippedCount++;
        if (state.skipped.length < 100) state.skipped.push({ line: state.lines, reason: `${size} bytes is over the topic's max.message.bytes (${maxBytes})` });
        return;
      }
      const partition = choose(key);
      let batch = pending.get(partition);
      if (batch && batch.bytes + size + RECORD_OVERHEAD > batchBytesLimit) {
        send(partition);
        batch = undefined;
      }
      if (!batch) pending.set(partition, (batch = { messages: [], bytes: 0 }));
      batch.messages.push({ key, value, partition });
      batch.bytes += size + RECORD_OVERHEAD;
      pendingBytes += size + RECORD_OVERHEAD;
      if (batch.messages.length >= PARTITION_BATCH_MESSAGES) send(partition);
      if (pendingBytes > MAX_PENDING_BYTES) for (const partition of [...pending.keys()]) send(partition);
    };
    /** Waits while too much is unacknowledged; throws the first refusal. */
    const keepUp = async () => {
      while (sending.unackedBytes > MAX_UNACKED_BYTES && !sending.failure) await sending.oneSettled();
      if (sending.failure) throw sending.failure;
    };

    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        state.bytesRead += value.length;
        for (const record of splitter.push(value)) add(record);
        await keepUp();
        yield { ...state, writtenPerPartition: { ...state.writtenPerPartition } };
      }
      for (const record of splitter.end()) add(record);
      for (const partition of [...pending.keys()]) send(partition);
      await sending.allSettled();
      if (sending.failure) throw sending.failure;
      yield { ...state, type: 'done' };
    } catch (error) {
      await reader.cancel().catch(() => {});
      await sending.allSettled(); // what is in flight settles, so the counts below are exact
      const { message } = userFacingError(error, cluster, `uploading to ${topic}`);
      yield { ...state, type: 'error', message: `Kafka refused a batch: ${message}. Written so far: ${state.written} (counts per partition are exact).` };
    }
  };
}
