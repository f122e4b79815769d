import { describe, expect, it } from 'vitest';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import type { WireMessage } from '@/lib/types/messages';
import { failoverTopic } from '../support/failover';
import { clusterScript } from '../support/kafka-cli';
import { readSse } from '../support/sse';

// A live tail while broker 2 is killed and restarted: after leader failover it goes on, and what it
// shows is exactly what was produced — no gap, no duplicate.
const { topic, kafka, admin } = failoverTopic('it-failover');

describe('a live tail through a broker failure', () => {
  it('receives every produced message exactly once while broker 2 dies and comes back', async () => {
    type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const abort = new AbortController();
    const response = await (streamRoute.GET as Handler)(new Request('http://localhost/api?from=earliest', { signal: abort.signal }), {
      params: Promise.resolve({ cluster: 'local', topic }),
    });
    let received: WireMessage[] = [];
    // readSse hands over its growing list after each chunk; the stream ends when the tail is aborted.
    const reading = readSse(response, (messages) => {
      received = messages;
      return false;
    }).catch(() => undefined);

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    let sent = 0;
    const produce = async (batches: number) => {
      for (let i = 0; i < batches; i++) {
        await producer.send({ topic, acks: -1, messages: Array.from({ length: 50 }, () => ({ key: `k${sent % 13}`, value: `m${sent++}` })) });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await produce(20);
    clusterScript('kill-broker', '2');
    await produce(40); // leaders move to brokers 0 and 1 meanwhile
    clusterScript('start-broker', '2');
    await produce(20);
    await producer.disconnect();

    // The reference is the log itself: every offset up to each partition's end, once, in order.
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    const total = [...ends.values()].reduce((a, b) => a + b, 0);
    const deadline = Date.now() + 30_000;
    while (received.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    abort.abort();
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 5000))]);
    // The log, not the producer's count, is the reference: during the kill kafkajs's idempotent
    // producer acknowledged a few messages that never reached the log (seen: 3,988 of 4,000).

    expect(total).toBeGreaterThan(3900);
    expect(received).toHaveLength(total);
    const byPartition = new Map<number, number[]>();
    for (const m of received) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), m.offset]);
    for (const [partition, end] of ends) expect(byPartition.get(partition) ?? []).toEqual(Array.from({ length: end }, (_, i) => i));
  });
});
