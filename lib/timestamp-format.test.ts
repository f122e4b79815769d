import { describe, expect, it } from 'vitest';
import { formatTimestamp, readTimeZoneChoice } from './timestamp-format';

const T = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

describe('formatTimestamp', () => {
  it('writes UTC as ISO 8601 with milliseconds and Z', () => {
    expect(formatTimestamp(T, 'utc')).toBe('2026-01-02T03:04:05.678Z');
    expect(formatTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 0), 'utc')).toBe('2026-01-02T03:04:05.000Z');
  });

  it.each([
    [60, '2026-01-02T04:04:05.678+01:00'],
    [0, '2026-01-02T03:04:05.678+00:00'],
    [-300, '2026-01-01T22:04:05.678-05:00'],
    [330, '2026-01-02T08:34:05.678+05:30'],
    [-570, '2026-01-01T17:34:05.678-09:30'],
  ])('writes local time at offset %i minutes with the offset spelled out: %s', (offset, text) => {
    expect(formatTimestamp(T, 'local', offset)).toBe(text);
  });

  it('uses the zone of the machine for that instant by default', () => {
    const text = formatTimestamp(T, 'local');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    // The same instant, read back.
    expect(new Date(text).getTime()).toBe(T);
  });

  it('says when there is no timestamp (-1) and keeps values a Date cannot hold as numbers', () => {
    expect(formatTimestamp(-1, 'utc')).toBe('no timestamp');
    expect(formatTimestamp(9e15, 'local')).toBe('9000000000000000');
  });
});

describe('readTimeZoneChoice', () => {
  it('is local only when local was stored, UTC otherwise', () => {
    expect(readTimeZoneChoice('local')).toBe('local');
    expect(readTimeZoneChoice('utc')).toBe('utc');
    expect(readTimeZoneChoice(null)).toBe('utc');
    expect(readTimeZoneChoice('Europe/Paris')).toBe('utc');
  });
});
