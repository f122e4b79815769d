import { describe, expect, it } from 'vitest';
import { PRODUCE_V8_INVALID_RECORD, PRODUCE_V8_OK, PRODUCE_V8_OUT_OF_ORDER } from './captured.fixtures';
import { produce } from './produce';
import { ClassicReader } from '../wire';

const TOPIC = 'it-names-capture-1795671625';
const hex = (s: string) => Buffer.from(s, 'hex');

describe('Produce v8', () => {
  it('encodes acks, timeout and each partition’s batch under its topic, names as given', () => {
    const request = produce.encode(
      {
        acks: -1,
        timeoutMs: 30_000,
        topics: [
          {
            topic: '__proto__',
            partitions: [
              { partition: 0, batch: Buffer.from([1, 2, 3]) },
              { partition: 4, batch: Buffer.alloc(0) },
            ],
          },
        ],
      },
      8,
    );
    const r = new ClassicReader(request);
    const bytes = () => {
      const length = r.int32();
      const b = [...request.subarray(r.position, r.position + length)];
      r.skip(length);
      return b;
    };
    expect(r.string()).toBeNull(); // not transactional
    expect([r.int16(), r.int32()]).toEqual([-1, 30_000]);
    expect(r.array(() => ({ topic: r.string(), partitions: r.array(() => ({ partition: r.int32(), batch: bytes() })) }))).toEqual([
      {
        topic: '__proto__',
        partitions: [
          { partition: 0, batch: [1, 2, 3] },
          { partition: 4, batch: [] },
        ],
      },
    ]);
    expect(r.position).toBe(request.length);
  });

  it('decodes an answer captured from Kafka: the base offset of the written batch', () => {
    expect(produce.decode(hex(PRODUCE_V8_OK), 8)).toEqual([
      { topic: TOPIC, partition: 0, errorCode: 0, baseOffset: 2n, logAppendTime: -1n, logStartOffset: 0n, errorMessage: null },
    ]);
  });

  it('decodes refusals: the error code, and the broker’s message when it sends one', () => {
    expect(produce.decode(hex(PRODUCE_V8_OUT_OF_ORDER), 8)[0]).toMatchObject({ partition: 0, errorCode: 45, baseOffset: -1n, errorMessage: null });
    const [invalid] = produce.decode(hex(PRODUCE_V8_INVALID_RECORD), 8);
    expect(invalid).toMatchObject({ topic: `${TOPIC}-c`, partition: 0, errorCode: 87 });
    expect(invalid.errorMessage).toMatch(/^One or more records have been rejected .*Compacted topic cannot accept message without key/);
  });
});
