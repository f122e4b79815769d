import 'server-only';
import type { UploadProgress } from '@/lib/types/messages';
import type { CompressionCodec } from './compression';
import type { Producer, ProducerMessage } from './producer';

/**
 * An upload's batches, one chain per partition: a partition's next batch goes once its previous
 * one is acknowledged (the order within a partition is the file's), partitions side by side.
 * After the first refusal nothing more is sent; `progress` counts only acknowledged records, so
 * each partition's count is exactly what its log gained, a prefix of what the file had for it.
 */
export class PartitionChains {
  private readonly chains = new Map<number, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();
  unackedBytes = 0;
  failure: unknown = null;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly compression: CompressionCodec,
    private readonly progress: UploadProgress,
  ) {}

  enqueue(partition: number, messages: ProducerMessage[], bytes: number): void {
    this.unackedBytes += bytes;
    const previous = this.chains.get(partition) ?? Promise.resolve();
    const step = previous.then(async () => {
      try {
        if (this.failure) return;
        await this.producer.send({ topic: this.topic, acks: -1, messages, compression: this.compression });
        this.progress.written += messages.length;
        this.progress.writtenPerPartition[partition] = (this.progress.writtenPerPartition[partition] ?? 0) + messages.length;
      } catch (error) {
        this.failure ??= error;
      } finally {
        this.unackedBytes -= bytes;
      }
    });
    this.chains.set(partition, step);
    this.inflight.add(step);
    void step.then(() => {
      this.inflight.delete(step);
      if (this.chains.get(partition) === step) this.chains.delete(partition);
    });
  }

  /** Resolves when some queued batch has settled (at once with none queued). */
  oneSettled(): Promise<void> {
    return this.inflight.size ? Promise.race(this.inflight) : Promise.resolve();
  }

  async allSettled(): Promise<void> {
    while (this.inflight.size) await Promise.all(this.inflight);
  }
}
