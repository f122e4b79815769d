import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import {
  addPartitionsProblem,
  alterConfigsSchema,
  countFieldProblems,
  createTopicSchema,
  firstProblem,
  minInsyncReplicasWarning,
  topicNameClash,
  topicNameProblem,
  topicNameWarning,
} from './topic-validation';

const valid = { name: 'orders', partitions: 6, replicationFactor: 3 };
const problemOf = (input: unknown) => {
  const result = createTopicSchema.safeParse(input);
  return result.success ? null : firstProblem(result.error);
};

describe('topic names', () => {
  it.each([
    ['', /required/],
    ['.', /cannot be "\." or "\.\."/],
    ['..', /cannot be "\." or "\.\."/],
    ['with space', /ASCII letters/],
    ['tópico', /ASCII letters/],
    ['a/b', /ASCII letters/],
    ['x'.repeat(250), /250 characters long; at most 249/],
  ])('refuses %j', (name, message) => {
    expect(topicNameProblem(name)).toMatch(message);
  });

  it('accepts 249 characters and every legal character', () => {
    expect(topicNameProblem('x'.repeat(249))).toBeNull();
    expect(topicNameProblem('Orders_v2.eu-west-1')).toBeNull();
  });

  it('warns when "." and "_" are mixed', () => {
    expect(topicNameWarning('a.b_c')).toMatch(/collide/);
    expect(topicNameWarning('a.b.c')).toBeNull();
  });
});

describe('createTopicSchema', () => {
  it('accepts a valid request with configs', () => {
    expect(problemOf({ ...valid, configs: { 'retention.ms': '3600000', 'cleanup.policy': 'compact,delete' } })).toBeNull();
  });

  it.each([
    [{ ...valid, partitions: 0 }, /Partitions must be at least 1/],
    [{ ...valid, partitions: -1 }, /Partitions must be at least 1/],
    [{ ...valid, partitions: 1.5 }, /Partitions must be a whole number/],
    [{ ...valid, partitions: 'six' }, /Partitions must be a number/],
    [{ name: 'x', replicationFactor: 1 }, /Partitions is required/],
    [{ ...valid, replicationFactor: 0 }, /Replication factor must be at least 1/],
    [{ ...valid, configs: { 'retention.ms': 'a week' } }, /retention.ms must be a whole number/],
    [{ ...valid, configs: { 'cleanup.policy': 'shred' } }, /cleanup.policy must be a comma-separated list/],
    [{ ...valid, configs: { 'compression.type': 'brotli' } }, /compression.type must be one of/],
    [{ ...valid, configs: { 'min.insync.replicas': '0' } }, /at least 1/],
    [{ ...valid, configs: { 'retention.ms': 3600000 } }, /Config values must be strings/],
    [{ ...valid, name: '..' }, /cannot be/],
    [{ ...valid, partitions: 10_001 }, /^Partitions must be at most 10,000$/],
    [{ ...valid, replicationFactor: 32_768 }, /^Replication factor must be at most 32,767$/],
    [{ ...valid, configs: { 'segment.ms': '9223372036854775808' } }, /segment.ms must fit in 64 bits/],
    [{ ...valid, configs: { 'max.message.bytes': '2147483648' } }, /max.message.bytes must fit in 32 bits/],
  ])('refuses %j', (input, message) => {
    expect(problemOf(input)).toMatch(message);
  });

  it("accepts the largest values Kafka takes, past a double's precision", () => {
    expect(
      problemOf({ ...valid, partitions: 10_000, configs: { 'max.compaction.lag.ms': '9223372036854775807', 'max.message.bytes': '2147483647' } }),
    ).toBeNull();
  });

  it("counts config values in UTF-8 bytes, as Kafka's int16-length strings do", () => {
    expect(problemOf({ ...valid, configs: { 'leader.replication.throttled.replicas': `${'é'.repeat(16_383)}e` } })).toBeNull();
    expect(problemOf({ ...valid, configs: { 'leader.replication.throttled.replicas': 'é'.repeat(16_384) } })).toBe(
      'leader.replication.throttled.replicas is 32,768 bytes long; config values are at most 32,767 bytes',
    );
    const longName = alterConfigsSchema.safeParse({ configs: { ['x'.repeat(32_768)]: '1' } });
    expect(longName.success ? null : firstProblem(longName.error)).toBe('configs: Config names are at most 32,767 bytes'); // the name is not echoed
  });
});

describe('addPartitionsProblem', () => {
  it('asks what the add-partitions dialog and the server ask', () => {
    expect(addPartitionsProblem(10_000, 3)).toBeNull();
    expect(addPartitionsProblem(10_001, 3)).toBe('Partition count must be at most 10,000');
    expect(addPartitionsProblem(1_000_000, 3)).toBe('Partition count must be at most 10,000');
    expect(addPartitionsProblem(3, 3, '"orders"')).toBe('"orders" already has 3 partitions; the count can only grow (asked for 3)');
    expect(addPartitionsProblem(2.5, 1)).toBe('Partition count must be a whole number');
  });
});

describe('firstProblem', () => {
  it('says a missing field is required, in words', () => {
    const parsed = z.object({ limits: z.object({ count: z.number() }) }).safeParse({ limits: {} });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(firstProblem(parsed.error)).toBe('limits.count is required');
  });
});

describe('create form checks as you type', () => {
  it('finds an existing name and one that differs only by "." vs "_"', () => {
    const existing = ['orders', 'metrics_eu.v1', '__proto__'];
    expect(topicNameClash('orders', existing)).toBe('Topic "orders" already exists');
    expect(topicNameClash('metrics.eu.v1', existing)).toBe(
      '"metrics.eu.v1" collides with the existing topic "metrics_eu.v1": Kafka treats "." and "_" alike in metric names and refuses it',
    );
    expect(topicNameClash('metrics_eu_v1', existing)).toContain('collides with the existing topic "metrics_eu.v1"');
    expect(topicNameClash('__proto__', existing)).toBe('Topic "__proto__" already exists');
    expect(topicNameClash('payments', existing)).toBeNull();
    expect(topicNameClash('', existing)).toBeNull();
  });

  it('words each count problem once, without a field-name prefix', () => {
    expect(countFieldProblems({ partitions: '0', replicationFactor: '3' }, 3)).toEqual({
      partitions: 'Partitions must be at least 1',
      replicationFactor: null,
    });
    expect(countFieldProblems({ partitions: '', replicationFactor: '1.5' }, 3)).toEqual({
      partitions: 'Partitions is required',
      replicationFactor: 'Replication factor must be a whole number',
    });
    expect(countFieldProblems({ partitions: '20000', replicationFactor: '4' }, 3)).toEqual({
      partitions: 'Partitions must be at most 10,000',
      replicationFactor: 'Replication factor cannot exceed the 3 live broker(s)',
    });
    expect(countFieldProblems({ partitions: '6', replicationFactor: '2' }, 3)).toEqual({ partitions: null, replicationFactor: null });
  });

  it('flags min.insync.replicas above the replication factor', () => {
    expect(minInsyncReplicasWarning('3', 2)).toContain('higher than the replication factor (2)');
    expect(minInsyncReplicasWarning('2', 2)).toBeNull();
    expect(minInsyncReplicasWarning('', 1)).toBeNull();
    expect(minInsyncReplicasWarning('x', 1)).toBeNull();
  });
});
