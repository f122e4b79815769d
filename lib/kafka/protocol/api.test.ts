import { describe, expect, it } from 'vitest';
import { UnsupportedApiError, pickVersion } from './api';

describe('pickVersion', () => {
  it('takes the highest version both sides speak', () => {
    expect(pickVersion([0, 1, 2], { minVersion: 0, maxVersion: 1 })).toBe(1);
    expect(pickVersion([2, 0], { minVersion: 0, maxVersion: 5 })).toBe(2);
  });
  it('answers null when the ranges do not meet or the broker lacks the API', () => {
    expect(pickVersion([0], { minVersion: 1, maxVersion: 3 })).toBeNull();
    expect(pickVersion([0, 1], null)).toBeNull();
  });
});

describe('UnsupportedApiError', () => {
  it('says which versions each side speaks', () => {
    const error = new UnsupportedApiError('ElectLeaders', { minVersion: 0, maxVersion: 1 }, [2]);
    expect(error.message).toBe('This broker speaks ElectLeaders v0–v1; the dashboard needs v2');
    expect(new UnsupportedApiError('X', null, [0]).message).toMatch(/does not support X/);
  });
});
