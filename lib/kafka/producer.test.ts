import { describe, expect, it } from 'vitest';
import { type Fault, fakeBroker, INVALID_RECORD } from '@/tests/support/fake-produce-broker';
import { createProducer } from './producer';

const values = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => ({ value: `${prefix}${i}`, partition: 0 }));

describe('the idempotent producer', () => {
  it('numbers each partition’s batches on, per topic, whatever the topic is called', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    expect(await producer.send({ topic: '__proto__', messages: values(2) })).toMatchObject([{ topicName: '__proto__', partition: 0, baseOffset: '0' }]);
    await producer.send({ topic: 'constructor', messages: values(1) });
    expect(await producer.send({ topic: '__proto__', messages: values(3) })).toMatchObject([{ partition: 0, baseOffset: '2' }]);
    expect(broker.log.get('__proto__/0')!.map((b) => [b.sequence, b.count])).toEqual([
      [0, 2],
      [2, 3],
    ]);
    expect(broker.log.get('constructor/0')!.map((b) => b.sequence)).toEqual([0]);
    expect(broker.initCalls).toHaveLength(1);
    expect(Object.getOwnPropertyNames(Object.prototype).filter((n) => /^\d+$/.test(n))).toEqual([]);
  });

  it('writes headers in the order given, repeated keys and null values included', async () => {
    const broker = fakeBroker();
    const headers = [
      { key: 'dup', value: 'a' },
      { key: '__proto__', value: null },
      { key: 'dup', value: Buffer.from([0, 1]) },
    ];
    await createProducer(broker.protocol).send({ topic: 't', messages: [{ key: 'k', value: 'v', headers, partition: 1 }] });
    expect(broker.log.get('t/1')![0].headers).toEqual([
      [
        { key: 'dup', value: Buffer.from('a') },
        { key: '__proto__', value: null },
        { key: 'dup', value: Buffer.from([0, 1]) },
      ],
    ]);
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
    expect(broker.log.get('t/0')!.map((b) => [b.sequence, b.count])).toEqual([
      [0, 1],
      [0, 1],
    ]);
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

  it('sends the batches of partitions with the same leader in one request, several topics included', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    const results = await Promise.all([
      producer.send({ topic: 't', messages: [...values(2, 'zero-'), { value: 'one-0', partition: 1 }] }),
      producer.send({ topic: 'u', messages: values(1, 'u-') }),
    ]);
    expect(results.flat().map((r) => [r.topicName, r.partition, r.baseOffset])).toEqual([
      ['t', 0, '0'],
      ['t', 1, '0'],
      ['u', 0, '0'],
    ]);
    expect(broker.requests.map((r) => r.topics.map((t) => [t.topic, t.partitions.map((p) => p.partition)]))).toEqual([
      [
        ['t', [0, 1]],
        ['u', [0]],
      ],
    ]);
    expect(broker.log.get('t/0')!.flatMap((b) => b.values)).toEqual(['zero-0', 'zero-1']);
    expect(broker.log.get('t/1')!.flatMap((b) => b.values)).toEqual(['one-0']);
    expect(broker.log.get('u/0')!.flatMap((b) => b.values)).toEqual(['u-0']);
  });

  it('in a shared request, a refusal of one partition leaves the others written, and a lost answer is resent once each', async () => {
    const broker = fakeBroker();
    const producer = createProducer(broker.protocol);
    broker.faults.push('invalid-record');
    const both = [producer.send({ topic: 't', messages: values(1, 'a') }), producer.send({ topic: 't', messages: [{ value: 'b0', partition: 1 }] })];
    const [refused, written] = await Promise.allSettled(both);
    expect(refused).toMatchObject({ status: 'rejected', reason: { type: 'INVALID_RECORD' } });
    expect(written).toMatchObject({ status: 'fulfilled', value: [{ partition: 1, baseOffset: '0' }] });
    expect(broker.requests).toHaveLength(1);
    broker.faults.push('none' as Fault, 'lose-answer');
    await Promise.all([producer.send({ topic: 't', messages: values(2, 'c') }), producer.send({ topic: 't', messages: [{ value: 'b1', partition: 1 }] })]);
    // The lost answer's request held both partitions; each is sent again once, under its own sequence
    // (together or apart: each waits out its own backoff).
    const [lost, ...resent] = broker.requests.slice(1).map((r) => r.topics[0].partitions.map((p) => p.partition));
    expect(lost.sort()).toEqual([0, 1]);
    expect(resent.flat().sort()).toEqual([0, 1]);
    expect(broker.log.get('t/0')!.flatMap((b) => b.values)).toEqual(['c0', 'c1']);
    expect(broker.log.get('t/1')!.flatMap((b) => b.values)).toEqual(['b0', 'b1']);
  });

  it('sends again after stale-partition answers (leader moved, topic not known yet) until the broker takes the batch', async () => {
    const broker = fakeBroker();
    broker.faults.push('not-leader', 'not-leader', 'not-leader', 'not-leader');
    const [result] = await createProducer(broker.protocol).send({ topic: 't', messages: values(3) });
    expect(result.baseOffset).toBe('0');
    expect(broker.log.get('t/0')!.map((b) => b.count)).toEqual([3]);
  });

  it("gives up with the broker's answer once the delivery timeout has passed", async () => {
    const broker = fakeBroker();
    broker.faults.push(...Array<Fault>(100).fill('not-leader'));
    const started = Date.now();
    const refusal = await createProducer(broker.protocol, { deliveryTimeoutMs: 700 })
      .send({ topic: 't', messages: values(1) })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'KafkaJSProtocolError', type: 'NOT_LEADER_FOR_PARTITION' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(broker.faults.length).toBeLessThanOrEqual(97); // tried at least 3 times, 100, 200, 400 ms apart
    expect(broker.log.get('t/0') ?? []).toEqual([]);
  });
});
