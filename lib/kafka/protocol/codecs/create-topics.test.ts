import { describe, expect, it } from 'vitest';
import { CREATE_TOPICS_V4_VALIDATE } from './captured-admin.fixtures';
import { createTopics } from './create-topics';
import { ClassicReader } from '../wire';

describe('CreateTopics v4 codec', () => {
  it('encodes each topic with no replica assignment (Kafka spreads replicas over racks), its configs, timeout and validateOnly', () => {
    const body = createTopics.encode(
      { topics: [{ name: 't', partitions: 3, replicationFactor: 2, configs: { 'cleanup.policy': 'compact' } }], timeoutMs: 30_000, validateOnly: true },
      4,
    );
    const r = new ClassicReader(body);
    expect(
      r.array((tr) => ({
        name: tr.string(),
        partitions: tr.int32(),
        replicationFactor: tr.int16(),
        assignments: tr.array((ar) => ar.int32()),
        configs: tr.array((cr) => [cr.string(), cr.string()]),
      })),
    ).toEqual([{ name: 't', partitions: 3, replicationFactor: 2, assignments: [], configs: [['cleanup.policy', 'compact']] }]);
    expect([r.int32(), r.boolean()]).toEqual([30_000, true]);
    expect(r.position).toBe(body.length);
  });

  it('reads an accepted topic and the broker’s own refusal message from a captured Kafka 4.3.1 answer', () => {
    expect(createTopics.decode(Buffer.from(CREATE_TOPICS_V4_VALIDATE, 'hex'), 4)).toEqual([
      { name: 'capture-ok', errorCode: 0, errorMessage: null },
      { name: 'capture-bad', errorCode: 40, errorMessage: 'Unknown topic config name: no.such.config' },
    ]);
  });
});
