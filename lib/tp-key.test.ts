import { describe, expect, it } from 'vitest';
import { parseTpKey, tpKey } from './tp-key';

describe('tpKey / parseTpKey', () => {
  it('round-trips a topic and partition, whatever the topic is called', () => {
    for (const topic of ['orders', '__proto__', 'a.b-c_d', '__consumer_offsets', 'x:y']) {
      for (const partition of [0, 7, 2_147_483_647]) expect(parseTpKey(tpKey(topic, partition))).toEqual({ topic, partition });
    }
  });
});
