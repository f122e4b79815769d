import { describe, expect, it } from 'vitest';
import { decodeRecordSet } from './fetch-codec';
import { createProducer } from './producer';
import type { ProtocolCluster, ProtocolRequest, ProtocolResponse, RawMetadata } from './protocol';
import { ClassicReader, ClassicWriter } from './wire';

/**
 * Only the transport is faked: a broker that keeps, per producer id and partition, the sequence it
 * expects and drops a resent batch as Kafka does (same base sequence as the last one: the first
 * answer again). Faults are queued per call.
 */
type Fault = 'lose-answer' | 'not-leader' | 'forget-producer' | 'invalid-record';
const NOT_LEADER = 6;
const OUT_OF_ORDER = 45;
const UNKNOWN_PRODUCER_ID = 59;
const INVALID_RECORD = 87;

interface Batch { producerId: bigint; sequence: number; count: number; baseOffset: number; values: string[]; headers: unknown[] }

function fakeBroker() {
  let nextProducerId = 100n;
  const log = new Map<string, Batch[]>();
  const faults: Fault[] = [];
  const inFlight = new Map<string, number>();
  let maxInFlight = 0;
  let leader = 1;
  const initCalls: bigint[] = [];

  function produce(body: Buffer, nodeId: number): Buffer {
    const r = new ClassicReader(body);
    r.string();
    r.int16();
    r.int32();
    const [topic] = r.array(() => r.string()!) as string[]; // one topic per request
    r.int32(); // one partition
    const partition = r.int32();
    const length = r.int32();
    const batch = body.subarray(r.position, r.position + length);
    const producerId = batch.readBigInt64BE(43);
    const sequence = batch.readInt32BE(53);
    const count = batch.readInt32BE(57);
    const key = `${topic}/${partition}`;
    const entries = log.get(key) ?? [];
    log.set(key, entries);
    const answer = (errorCode: number, baseOffset = -1, message: string | null = null) =>
      new ClassicWriter()
        .array([topic], (w) => w.string(topic).array([partition], (pw) => pw.int32(partition).int16(errorCode).int64(BigInt(baseOffset)).int64(-1n).int64(0n).array([], () => {}).string(message)))
        .int32(0)
        .toBuffer();
    const fault = faults.shift();
    if (nodeId !== leader || fault === 'not-leader') return answer(NOT_LEADER);
    if (fault === 'invalid-record') return answer(INVALID_RECORD, -1, 'Compacted topic cannot accept message without key');
    if (fault === 'forget-producer') {
      for (const e of entries) e.producerId = -1n;
      return answer(UNKNOWN_PRODUCER_ID);
    }
    const written = append(entries, producerId, sequence, count, batch);
    if (fault === 'lose-answer') throw Object.assign(new Error('Connection closed'), { name: 'KafkaJSConnectionClosedError', retriable: true });
    return written === null ? answer(OUT_OF_ORDER) : answer(0, written);
  }

  /** The batch's base offset (the first one's, for a resend), or null when its sequence is out of order. */
  function append(entries: Batch[], producerId: bigint, sequence: number, count: number, batch: Buffer): number | null {
    const last = entries.filter((e) => e.producerId === producerId).at(-1);
    if (last && last.sequence === sequence && last.count === count) return last.baseOffset; // a resend: dropped
    if (sequence !== (last ? last.sequence + last.count : 0)) return null;
    const records = [...decodeRecordSet(batch)];
    const baseOffset = entries.reduce((n, e) => n + e.count, 0);
    entries.push({ producerId, sequence, count, baseOffset, values: records.map((rec) => rec.value!.toString()), headers: records.map((rec) => rec.headers) });
    return baseOffset;
  }

  const protocol = {
    async send<T>(request: ProtocolRequest, response: ProtocolResponse<T>) {
      expect(request.apiName).toBe('InitProducerId');
      const producerId = nextProducerId++;
      initCalls.push(producerId);
      return response.decode(new ClassicWriter().int32(0).int16(0).int64(producerId).int16(0).toBuffer());
    },
    async sendTo<T>(nodeId: number, request: ProtocolRequest, response: ProtocolResponse<T>) {
      expect(request.apiName).toBe('Produce');
      const { buf } = await request.encode();
      const key = String(nodeId);
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, inFlight.get(key)!);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await response.decode(produce(buf, nodeId));
      } finally {
        inFlight.set(key, inFlight.get(key)! - 1);
      }
    },
    async metadata(topics: string[]): Promise<RawMetadata> {
      return {
        brokers: [],
        topicMetadata: topics.map((topic) => ({ topicErrorCode: 0, topic, partitionMetadata: [0, 1].map((partitionId) => ({ partitionErrorCode: 0, partitionId, leader, replicas: [leader], isr: [leader] })) })),
      };
    },
  } as unknown as ProtocolCluster;
  return {
    protocol,
    log,
    faults,
    initCalls,
    maxInFlight: () => maxInFlight,
    moveLeader: (to: number) => (leader = to),
  };
}

const values = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => ({ value: `${prefix}${i}`, partition: 0 }));

describe('the idempotent producer', () => {
  it('numbers each partition’s batches on, per topic, whatever the topic is called', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    expect(await producer.send({ topic: '__proto__', messages: values(2) })).toMatchObject([{ topicName: '__proto__', partition: 0, baseOffset: '0' }]);
    await producer.send({ topic: 'constructor', messages: values(1) });
    expect(await producer.send({ topic: '__proto__', messages: values(3) })).toMatchObject([{ partition: 0, baseOffset: '2' }]);
    expect(broker.log.get('__proto__/0')!.map((b) => [b.sequence, b.count])).toEqual([[0, 2], [2, 3]]);
    expect(broker.log.get('constructor/0')!.map((b) => b.sequence)).toEqual([0]);
    expect(broker.initCalls).toHaveLength(1);
    expect(Object.getOwnPropertyNames(Object.prototype).filter((n) => /^\d+$/.test(n))).toEqual([]);
  });

  it('writes headers in the order given, repeated keys and null values included', async () => {
    const broker = fakeBroker();
    const headers = [{ key: 'dup', value: 'a' }, { key: '__proto__', value: null }, { key: 'dup', value: Buffer.from([0, 1]) }];
    await createProducer(broker.protocol).send({ topic: 't', messages: [{ key: 'k', value: 'v', headers, partition: 1 }] });
    expect(broker.log.get('t/1')![0].headers).toEqual([[{ key: 'dup', value: Buffer.from('a') }, { key: '__proto__', value: null }, { key: 'dup', value: Buffer.from([0, 1]) }]]);
  });

  it('a leader that stops answering is tried again until the delivery timeout, the batch written once', async () => {
    const broker = fakeBroker();
    broker.faults.push('lose-answer', 'lose-answer', 'lose-answer');
    const [result] = await createProducer(broker.protocol).send({ topic: 't', messages: values(2) });
    expect(result.baseOffset).toBe('0');
    expect(broker.log.get('t/0')!.map((b) => b.count)).toEqual([2]);
  });

  it('resends a batch whose answer was lost under the same sequence, so it is written once', async () => {
    const broker = fakeBroker();
    broker.faults.push('lose-answer');
    const [result] = await createProducer(broker.protocol).send({ topic: 't', messages: values(4) });
    expect(result.baseOffset).toBe('0');
    expect(broker.log.get('t/0')!.map((b) => b.count)).toEqual([4]);
  });

  it('after a batch whose fate stayed unknown, takes a new producer id for a different batch, and none is dropped', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol, { deliveryTimeoutMs: 300 });
    broker.faults.push(...Array<Fault>(100).fill('lose-answer'));
    await expect(producer.send({ topic: 't', messages: values(2, 'first') })).rejects.toMatchObject({ name: 'KafkaJSConnectionClosedError' });
    broker.faults.length = 0;
    // As many records as the lost one: under its sequence the broker would take it for a resend.
    const [second] = await producer.send({ topic: 't', messages: values(2, 'second') });
    expect(second.baseOffset).toBe('2');
    expect(broker.initCalls).toHaveLength(2);
    expect(broker.log.get('t/0')!.flatMap((b) => b.values)).toEqual(['first0', 'first1', 'second0', 'second1']);
  });

  it('after a batch whose fate stayed unknown, resending that batch keeps the sequence: it is written once', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol, { deliveryTimeoutMs: 300 });
    broker.faults.push(...Array<Fault>(100).fill('lose-answer'));
    await expect(producer.send({ topic: 't', messages: values(2) })).rejects.toThrow('Connection closed');
    broker.faults.length = 0;
    expect((await producer.send({ topic: 't', messages: values(2) }))[0].baseOffset).toBe('0');
    expect(broker.initCalls).toHaveLength(1);
    expect(broker.log.get('t/0')!.map((b) => b.count)).toEqual([2]);
  });

  it('takes a new producer id when the broker has forgotten the old one, and sends again', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    await producer.send({ topic: 't', messages: values(1) });
    broker.faults.push('forget-producer');
    expect((await producer.send({ topic: 't', messages: values(1) }))[0].baseOffset).toBe('1');
    expect(broker.initCalls).toEqual([100n, 101n]);
    expect(broker.log.get('t/0')!.map((b) => [b.sequence, b.count])).toEqual([[0, 1], [0, 1]]);
  });

  it('asks for the leader again when the broker is no longer it', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    await producer.send({ topic: 't', messages: values(1) });
    broker.moveLeader(2);
    expect((await producer.send({ topic: 't', messages: values(1) }))[0].baseOffset).toBe('1');
  });

  it('throws a refusal as kafkajs would (type, code, the broker’s words) and does not skip a sequence for it', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    broker.faults.push('invalid-record');
    const refusal = await producer.send({ topic: 't', messages: values(1) }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'KafkaJSProtocolError', type: 'INVALID_RECORD', code: INVALID_RECORD, retriable: false });
    expect((refusal as Error).message).toContain('Compacted topic cannot accept message without key');
    await producer.send({ topic: 't', messages: values(1) });
    expect(broker.log.get('t/0')!.map((b) => b.sequence)).toEqual([0]);
  });

  it('keeps one batch in flight per partition, in the order sent', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    const results = await Promise.all([1, 2, 3].map((n) => producer.send({ topic: 't', messages: values(n, `b${n}-`) })));
    expect(results.map(([r]) => r.baseOffset)).toEqual(['0', '1', '3']);
    expect(broker.maxInFlight()).toBe(1);
  });

  it('sends again after stale-partition answers (leader moved, topic not known yet) until the broker takes the batch', async () => {
    const broker = fakeBroker();
    broker.faults.push('not-leader', 'not-leader', 'not-leader', 'not-leader');
    const [result] = await createProducer(broker.protocol).send({ topic: 't', messages: values(3) });
    expect(result.baseOffset).toBe('0');
    expect(broker.log.get('t/0')!.map((b) => b.count)).toEqual([3]);
  });

  it('gives up with the broker\'s answer once the delivery timeout has passed', async () => {
    const broker = fakeBroker();
    broker.faults.push(...Array<Fault>(100).fill('not-leader'));
    const started = Date.now();
    const refusal = await createProducer(broker.protocol, { deliveryTimeoutMs: 700 }).send({ topic: 't', messages: values(1) }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'KafkaJSProtocolError', type: 'NOT_LEADER_FOR_PARTITION' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(broker.faults.length).toBeLessThanOrEqual(97); // tried at least 3 times, 100, 200, 400 ms apart
    expect(broker.log.get('t/0') ?? []).toEqual([]);
  });
});
