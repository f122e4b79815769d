import { describe, expect, it } from 'vitest';
import { createTopicSchema, firstProblem, topicNameProblem, topicNameWarning } from './topic-validation';

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
  ])('refuses %j', (input, message) => {
    expect(problemOf(input)).toMatch(message);
  });
});
