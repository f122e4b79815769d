import { describe, expect, it } from 'vitest';
import { INIT_PRODUCER_ID_V1 } from './captured.fixtures';
import { initProducerId } from './init-producer-id';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('InitProducerId v1', () => {
  it('asks for an idempotent producer id and reads the answer captured from Kafka', () => {
    expect(initProducerId.encode(null, 1).toString('hex')).toBe('ffff' + '0000ea60'); // no transactional id, 60 s
    expect(initProducerId.decode(hex(INIT_PRODUCER_ID_V1), 1)).toEqual({ errorCode: 0, producerId: 3n, producerEpoch: 0 });
  });
});
