import 'server-only';
import type { ProducePartitionResult, ProduceRequest } from './protocol/codecs/produce';

/** A coalesced request holds at most this many bytes of batches (the broker's socket.request.max.bytes is 100 MB). */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

interface Waiting {
  topic: string;
  partition: number;
  batch: Buffer;
  resolve: (result: ProducePartitionResult) => void;
  reject: (error: unknown) => void;
}

/** Sends one Produce request to `broker` (acks and timeout are the sender's). */
export type SendProduce = (broker: number, topics: ProduceRequest['topics']) => Promise<ProducePartitionResult[]>;

/**
 * Batches for partitions led by the same broker go to it in one Produce request. A broker reads a
 * connection's next request only once it has answered the last, and an acks=all answer waits for
 * the followers: one request per partition queued behind each other, so an upload to six
 * partitions on three brokers ran no faster than to three. One request in flight per broker;
 * whatever became ready meanwhile goes in the next. A partition has at most one batch waiting
 * (the producer keeps one in flight per partition), so it appears once per request.
 */
export function produceRequests(send: SendProduce, maxRequestBytes = MAX_REQUEST_BYTES) {
  const waiting = new Map<number, Waiting[]>();
  const busy = new Set<number>();

  async function flush(broker: number) {
    const queue = waiting.get(broker) ?? [];
    let bytes = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || bytes + queue[count].batch.length <= maxRequestBytes)) bytes += queue[count++].batch.length;
    const taken = queue.splice(0, count);
    if (!queue.length) waiting.delete(broker);
    const byTopic = new Map<string, { partition: number; batch: Buffer }[]>();
    for (const { topic, partition, batch } of taken) {
      const partitions = byTopic.get(topic);
      if (partitions) partitions.push({ partition, batch });
      else byTopic.set(topic, [{ partition, batch }]);
    }
    try {
      const results = await send(
        broker,
        [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
      );
      const byPartition = new Map(results.map((r) => [`${r.partition}:${r.topic}`, r]));
      for (const entry of taken) {
        const result = byPartition.get(`${entry.partition}:${entry.topic}`);
        if (result) entry.resolve(result);
        else entry.reject(new Error(`Kafka's answer to Produce left out partition ${entry.partition} of "${entry.topic}"`));
      }
    } catch (error) {
      for (const entry of taken) entry.reject(error);
    } finally {
      if (waiting.has(broker)) setImmediate(() => void flush(broker));
      else busy.delete(broker);
    }
  }

  /** Sends `batch` for `topic`/`partition` to its leader `broker`, with whatever else waits for that broker. */
  return (broker: number, topic: string, partition: number, batch: Buffer): Promise<ProducePartitionResult> =>
    new Promise((resolve, reject) => {
      const queue = waiting.get(broker);
      if (queue) queue.push({ topic, partition, batch, resolve, reject });
      else waiting.set(broker, [{ topic, partition, batch, resolve, reject }]);
      if (busy.has(broker)) return;
      busy.add(broker);
      // Not at once: the other partitions answered by the same response send their next batches in this turn.
      setImmediate(() => void flush(broker));
    });
}
