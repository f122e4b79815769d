import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { nameRecord } from './name-record';
import { alterConfigsSchema, createTopicSchema, firstProblem } from './topic-validation';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
const json = (text: string) => JSON.parse(text) as unknown;

describe('nameRecord', () => {
  const schema = nameRecord(z.string({ error: 'values must be strings' }), { what: 'headers', emptyName: 'keys cannot be empty' });

  it('keeps every key, prototype members included, in order, as the caller’s data', () => {
    const input = json(`{${NAMES.map((n, i) => `"${n}":"v${i}"`).join(',')}}`);
    const parsed = schema.parse(input);
    expect(Object.keys(parsed)).toEqual(NAMES);
    expect(Object.entries(parsed)).toEqual(NAMES.map((n, i) => [n, `v${i}`]));
    expect(parsed.constructor).toBe('v1');
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(input);
  });

  it('reads nothing from Object.prototype for names that are absent', () => {
    const parsed = schema.parse({ a: 'b' });
    expect(parsed.toString).toBeUndefined();
    expect('constructor' in parsed).toBe(false);
  });

  it('refuses a bad value under its key, an empty key, and anything but an object', () => {
    expect(firstProblem(schema.safeParse(json('{"__proto__": 5}')).error!)).toBe('__proto__: values must be strings');
    expect(firstProblem(schema.safeParse({ '': 'x' }).error!)).toBe('keys cannot be empty');
    expect(firstProblem(schema.safeParse(['a']).error!)).toBe('headers must be an object');
    expect(firstProblem(schema.safeParse(null).error!)).toBe('headers must be an object');
  });
});

describe('topic config schemas', () => {
  it('pass configs named like prototype members on to Kafka instead of dropping them', () => {
    for (const name of NAMES) {
      const created = createTopicSchema.parse(json(`{"name":"t","partitions":1,"replicationFactor":1,"configs":{"${name}":"1","retention.ms":"5"}}`));
      expect(Object.entries(created.configs!)).toEqual([
        [name, '1'],
        ['retention.ms', '5'],
      ]);
      const altered = alterConfigsSchema.parse(json(`{"configs":{"${name}":null}}`));
      expect(Object.entries(altered.configs)).toEqual([[name, null]]);
    }
  });

  it('still check known configs’ values, and want at least one config to change', () => {
    expect(firstProblem(createTopicSchema.safeParse({ name: 't', partitions: 1, replicationFactor: 1, configs: { 'retention.ms': 'soon' } }).error!)).toMatch(
      /retention.ms must be a whole number/,
    );
    expect(firstProblem(alterConfigsSchema.safeParse({ configs: {} }).error!)).toBe('configs: Name at least one config to change');
  });
});
