import { describe, expect, it } from 'vitest';
import { deleteRecordsSchema, parsePartitionsParam } from './operations-validation';

describe('parsePartitionsParam', () => {
  it('reads absent as all partitions, and a list sorted without repeats', () => {
    expect(parsePartitionsParam(null)).toEqual({ partitions: null });
    expect(parsePartitionsParam('2,0,2')).toEqual({ partitions: [0, 2] });
  });
  it('refuses anything but partition numbers', () => {
    for (const bad of ['', 'a', '1,,2', '-1', '1.5', '2147483648', '__proto__']) expect(parsePartitionsParam(bad)).toHaveProperty('problem');
  });
});

describe('deleteRecordsSchema', () => {
  it('takes nothing (empty the topic), partitions and an offset; refuses unknown keys', () => {
    expect(deleteRecordsSchema.safeParse({}).success).toBe(true);
    expect(deleteRecordsSchema.safeParse({ partitions: [0], beforeOffset: 0 }).success).toBe(true);
    expect(deleteRecordsSchema.safeParse({ beforOffset: 4 }).success).toBe(false);
    expect(deleteRecordsSchema.safeParse({ beforeOffset: -1 }).success).toBe(false);
    expect(deleteRecordsSchema.safeParse({ partitions: [] }).success).toBe(false);
  });
});
