import { expect } from 'vitest';
import type { KafkaApi, ProtocolCluster, RawMetadata } from '@/lib/kafka/protocol';
import type { ProduceRequest } from '@/lib/kafka/protocol/codecs/produce';
import { decodeRecordSet } from '@/lib/kafka/protocol/record-set';
import { ClassicReader, ClassicWriter } from '@/lib/kafka/protocol/wire';

/**
 * Only the transport is faked: a broker that keeps, per producer id and partition, the sequence it
 * expects and drops a resent batch as Kafka does (same base sequence as the last one: the first
 * answer again). Faults are queued per partition of a request, in order; a request may hold several
 * topics and partitions, as the producer coalesces them (lib/kafka/produce-requests.ts).
 */
export type Fault = 'lose-answer' | 'not-leader' | 'forget-producer' | 'invalid-record';
export const NOT_LEADER = 6;
export const OUT_OF_ORDER = 45;
export const UNKNOWN_PRODUCER_ID = 59;
export const INVALID_RECORD = 87;

interface Batch {
  producerId: bigint;
  sequence: number;
  count: number;
  baseOffset: number;
  values: string[];
  headers: unknown[];
}

export function fakeBroker() {
  let nextProducerId = 100n;
  const log = new Map<string, Batch[]>();
  const faults: Fault[] = [];
  const inFlight = new Map<string, number>();
  let maxInFlight = 0;
  let leader = 1;
  const initCalls: bigint[] = [];
  const requests: ProduceRequest[] = [];

  /** One Produce request: every partition of it answered in turn, faults taken one per partition. */
  function produce(body: Buffer, nodeId: number): Buffer {
    const r = new ClassicReader(body);
    r.string();
    r.int16();
    r.int32();
    const answers: { topic: string; partitions: { partition: number; errorCode: number; baseOffset: number; message: string | null }[] }[] = [];
    let loseAnswer = false;
    for (let t = r.int32(); t > 0; t--) {
      const topic = r.string()!;
      const partitions: (typeof answers)[number]['partitions'] = [];
      answers.push({ topic, partitions });
      for (let p = r.int32(); p > 0; p--) {
        const partition = r.int32();
        const length = r.int32();
        const batch = body.subarray(r.position, r.position + length);
        r.skip(length);
        const answer = (errorCode: number, baseOffset = -1, message: string | null = null) => partitions.push({ partition, errorCode, baseOffset, message });
        const key = `${topic}/${partition}`;
        const entries = log.get(key) ?? [];
        log.set(key, entries);
        const fault = faults.shift();
        if (nodeId !== leader || fault === 'not-leader') answer(NOT_LEADER);
        else if (fault === 'invalid-record') answer(INVALID_RECORD, -1, 'Compacted topic cannot accept message without key');
        else if (fault === 'forget-producer') {
          for (const e of entries) e.producerId = -1n;
          answer(UNKNOWN_PRODUCER_ID);
        } else {
          const written = append(entries, batch.readBigInt64BE(43), batch.readInt32BE(53), batch.readInt32BE(57), batch);
          if (fault === 'lose-answer') loseAnswer = true;
          answer(written === null ? OUT_OF_ORDER : 0, written ?? -1);
        }
      }
    }
    if (loseAnswer) throw Object.assign(new Error('Connection closed'), { name: 'KafkaJSConnectionClosedError', retriable: true });
    return new ClassicWriter()
      .array(answers, (w, t) =>
        w.string(t.topic).array(t.partitions, (pw, a) =>
          pw
            .int32(a.partition)
            .int16(a.errorCode)
            .int64(BigInt(a.baseOffset))
            .int64(-1n)
            .int64(0n)
            .array([], () => {})
            .string(a.message),
        ),
      )
      .int32(0)
      .toBuffer();
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
    /** Encodes and decodes with the real codec, in its highest version, as a broker speaking it would. */
    async call<Req, Res>(api: KafkaApi<Req, Res>, request: Req, options?: { broker?: number }) {
      const version = Math.max(...api.versions);
      if (options?.broker === undefined) {
        expect(api.name).toBe('InitProducerId');
        const producerId = nextProducerId++;
        initCalls.push(producerId);
        return api.decode(new ClassicWriter().int32(0).int16(0).int64(producerId).int16(0).toBuffer(), version);
      }
      const nodeId = options.broker;
      expect(api.name).toBe('Produce');
      const buf = api.encode(request, version);
      requests.push(request as ProduceRequest);
      const key = String(nodeId);
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, inFlight.get(key)!);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return api.decode(produce(buf, nodeId), version);
      } finally {
        inFlight.set(key, inFlight.get(key)! - 1);
      }
    },
    async metadata(topics: string[]): Promise<RawMetadata> {
      return {
        brokers: [],
        topicMetadata: topics.map((topic) => ({
          topicErrorCode: 0,
          topic,
          partitionMetadata: [0, 1].map((partitionId) => ({ partitionErrorCode: 0, partitionId, leader, replicas: [leader], isr: [leader] })),
        })),
      };
    },
  } as unknown as ProtocolCluster;
  return {
    protocol,
    log,
    faults,
    initCalls,
    requests,
    maxInFlight: () => maxInFlight,
    moveLeader: (to: number) => (leader = to),
  };
}
