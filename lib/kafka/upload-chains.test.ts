import { describe, expect, it } from 'vitest';
import type { UploadProgress } from '@/lib/types/messages';
import type { Producer, ProducerMessage } from './producer';
import { PartitionChains } from './upload-chains';

const progress = (): UploadProgress => ({ type: 'progress', bytesRead: 0, lines: 0, written: 0, writtenPerPartition: {}, skipped: [], skippedCount: 0 });
const batch = (partition: number, from: number, count: number): ProducerMessage[] =>
  Array.from({ length: count }, (_, i) => ({ key: null, value: `line ${from + i}`, partition }));

/** A producer whose sends resolve when the test says; records what was sent, in order. */
function fakeProducer() {
  const sent: { partition: number; first: string }[] = [];
  const waiting: { partition: number; settle: (error?: Error) => void }[] = [];
  const producer: Producer = {
    send: ({ messages }) =>
      new Promise((resolve, reject) => {
        const partition = messages[0]!.partition;
        sent.push({ partition, first: String(messages[0]!.value) });
        waiting.push({ partition, settle: (error) => (error ? reject(error) : resolve([])) });
      }),
    disconnect: async () => {},
  };
  const settle = async (partition: number, error?: Error) => {
    const at = waiting.findIndex((w) => w.partition === partition);
    waiting.splice(at, 1)[0]!.settle(error);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { producer, sent, settle };
}

describe('PartitionChains', () => {
  it('keeps one batch in flight per partition, partitions side by side, in file order', async () => {
    const { producer, sent, settle } = fakeProducer();
    const state = progress();
    const chains = new PartitionChains(producer, 't', 'none', state);
    chains.enqueue(0, batch(0, 0, 2), 20);
    chains.enqueue(1, batch(1, 2, 2), 20);
    chains.enqueue(0, batch(0, 4, 2), 20);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([
      { partition: 0, first: 'line 0' },
      { partition: 1, first: 'line 2' },
    ]);
    expect(chains.unackedBytes).toBe(60);
    await settle(0);
    expect(sent.at(-1)).toEqual({ partition: 0, first: 'line 4' });
    await settle(1);
    await settle(0);
    await chains.allSettled();
    expect(state.written).toBe(6);
    expect(state.writtenPerPartition).toEqual({ 0: 4, 1: 2 });
    expect(chains.unackedBytes).toBe(0);
  });

  it('sends nothing more after a refusal and counts only what was acknowledged', async () => {
    const { producer, sent, settle } = fakeProducer();
    const state = progress();
    const chains = new PartitionChains(producer, 't', 'none', state);
    chains.enqueue(0, batch(0, 0, 3), 30);
    chains.enqueue(1, batch(1, 3, 3), 30);
    chains.enqueue(0, batch(0, 6, 3), 30);
    chains.enqueue(1, batch(1, 9, 3), 30);
    await new Promise((resolve) => setImmediate(resolve));
    await settle(0, new Error('RECORD_LIST_TOO_LARGE'));
    await settle(1); // in flight when partition 0 was refused: it was written, so it counts
    await chains.allSettled();
    expect(sent.map((s) => s.first)).toEqual(['line 0', 'line 3']);
    expect(chains.failure).toBeInstanceOf(Error);
    expect(state.written).toBe(3);
    expect(state.writtenPerPartition).toEqual({ 1: 3 });
    expect(chains.unackedBytes).toBe(0);
  });
});
