import { describe, expect, it } from 'vitest';
import { ApiError, notFound } from './errors';
import { lookup } from './exists';

describe('page lookups', () => {
  it('is found when the check answers, missing only when Kafka says there is no such thing', async () => {
    expect(await lookup(async () => ({}))).toBe('found');
    expect(await lookup(async () => Promise.reject(notFound('TOPIC_NOT_FOUND', 'no')))).toBe('missing');
    expect(await lookup(async () => Promise.reject(new ApiError('INVALID_TOPIC', 'illegal name')))).toBe('missing');
  });

  it('leaves an unreachable or slow cluster to the page view instead of calling it missing', async () => {
    expect(await lookup(async () => Promise.reject(new ApiError('CLUSTER_UNREACHABLE', 'down')))).toBe('unknown');
    expect(await lookup(async () => Promise.reject(new Error('socket hang up')))).toBe('unknown');
    expect(await lookup(() => new Promise(() => {}), 50)).toBe('unknown');
  });
});
