import { describe, expect, it } from 'vitest';
import { sinkGroupId, usesTopic } from './connect-usage';

describe('sinkGroupId', () => {
  it("is Connect's connect-<name> unless the connector overrides its consumer's group", () => {
    expect(sinkGroupId('orders-sink', { topics: 'orders' })).toBe('connect-orders-sink');
    expect(sinkGroupId('orders-sink', { 'consumer.override.group.id': ' custom ' })).toBe('custom');
    expect(sinkGroupId('__proto__', Object.create(null))).toBe('connect-__proto__');
  });
});

describe('usesTopic', () => {
  it('finds a topic among the active topics, for sources and sinks', () => {
    expect(usesTopic({ type: 'source', topics: ['a', 'b'], config: {} }, 'b')).toBe(true);
    expect(usesTopic({ type: 'source', topics: ['a'], config: { topics: 'b' } }, 'b')).toBe(false);
  });
  it("finds a topic in a sink's comma-separated topics setting before it has read anything", () => {
    expect(usesTopic({ type: 'sink', topics: [], config: { topics: 'x, orders ,y' } }, 'orders')).toBe(true);
    expect(usesTopic({ type: 'sink', topics: [], config: { topics: 'orders-2' } }, 'orders')).toBe(false);
    expect(usesTopic({ type: 'sink', topics: [], config: { 'topics.regex': 'ord.*' } }, 'orders')).toBe(false);
  });
});
