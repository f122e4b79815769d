import 'server-only';
import { LineSplitter, splitKeyValue } from '@/lib/line-splitter';
import type { UploadProgress } from '@/lib/types/messages';
import { withCluster } from './clients';
import type { CompressionCodec } from './compression';
import { describeConfigs } from './configs';
import { badRequest, userFacingError } from './errors';
import { partitionChooser, sendPerPartition, type PartitionChoice } from './produce';
import type { ProducerMessage } from './producer';
import { refuseInternalTopic, topicMetadata } from './topics';

export interface UploadOptions {
  separator: string;
  keyed: boolean;
  partitioning: PartitionChoice;
  compression: CompressionCodec;
}

const BATCH_MESSAGES = 2000;
const BATCH_BYTES = 1024 * 1024;
/** Room for the record and batch headers Kafka adds around a message. */
const RECORD_OVERHEAD = 128;

/**
 * Streams a file into a topic, one message per record, yielding progress as it goes. The body is
 * read chunk by chunk and each batch is acknowledged before the next is read, so memory stays
 * bounded whatever the file size. Records bigger than the topic's max.message.bytes are skipped
 * and listed; if Kafka refuses a batch the upload stops and says exactly what was written.
 */
export async function uploadLines(cluster: string, topic: string, body: ReadableStream<Uint8Array>, options: UploadOptions) {
  refuseInternalTopic(topic, 'write to');
  const { meta, maxBytes, producer } = await withCluster(cluster, async ({ protocol, producer: getProducer }) => {
    const meta = await topicMetadata(protocol, topic);
    refuseInternalTopic(topic, 'write to', meta);
    if (options.partitioning.kind === 'partition' && !meta.partitionMetadata.some((p) => p.partitionId === (options.partitioning as { partition: number }).partition)) {
      throw badRequest(`Topic "${topic}" has no partition ${options.partitioning.partition}`, 'UNKNOWN_PARTITION');
    }
    const configs = await describeConfigs(protocol, 'topic', topic);
    const maxBytes = Number(configs.find((c) => c.name === 'max.message.bytes')?.value ?? 1048588);
    return { meta, maxBytes, producer: await getProducer() };
  });
  const choose = partitionChooser(meta, options.partitioning);

  return async function* progress(): AsyncGenerator<UploadProgress> {
    const state: UploadProgress = { type: 'progress', bytesRead: 0, lines: 0, written: 0, writtenPerPartition: {}, skipped: [], skippedCount: 0 };
    const splitter = new LineSplitter(options.separator);
    const reader = body.getReader();
    let batch: ProducerMessage[] = [];
    let batchBytes = 0;

    const flush = async () => {
      if (!batch.length) return;
      const { written, failure } = await sendPerPartition(producer, topic, batch, options.compression);
      for (const [partition, count] of written) {
        state.written += count;
        state.writtenPerPartition[partition] = (state.writtenPerPartition[partition] ?? 0) + count;
      }
      batch = [];
      batchBytes = 0;
      if (failure) throw failure;
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
      batch.push({ key, value, partition: choose(key) });
      batchBytes += size;
    };

    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        state.bytesRead += value.length;
        for (const record of splitter.push(value)) {
          add(record);
          if (batch.length >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) await flush();
        }
        yield { ...state };
      }
      for (const record of splitter.end()) add(record);
      await flush();
      yield { ...state, type: 'done' };
    } catch (error) {
      await reader.cancel().catch(() => {});
      const { message } = userFacingError(error, cluster, `uploading to ${topic}`);
      yield { ...state, type: 'error', message: `Kafka refused a batch: ${message}. Written so far: ${state.written} (counts per partition are exact).` };
    }
  };
}
