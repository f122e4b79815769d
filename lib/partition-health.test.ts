import { describe, expect, it } from 'vitest';
import { isOffline, isUnderReplicated } from './partition-health';

describe('partition health', () => {
  it('calls a partition under-replicated when the ISR is smaller than the replica set', () => {
    expect(isUnderReplicated({ leader: 0, replicas: [0, 1, 2], isr: [0, 1] })).toBe(true);
    expect(isUnderReplicated({ leader: 0, replicas: [0, 1, 2], isr: [2, 0, 1] })).toBe(false);
  });

  it('calls a partition offline when it has no leader', () => {
    expect(isOffline({ leader: -1, replicas: [2], isr: [] })).toBe(true);
    expect(isOffline({ leader: 2, replicas: [2], isr: [2] })).toBe(false);
  });
});
