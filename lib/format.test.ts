import { describe, expect, it } from 'vitest';
import { configValueInWords, formatBytes, formatDuration, humanizeConfigValue } from './format';

describe('formatDuration', () => {
  it.each([
    [604_800_000, '7 days'],
    [86_400_000, '1 day'],
    [3_600_000, '1 hour'],
    [90_000, '1 minute 30 seconds'],
    [500, '500 ms'],
    [0, '0 ms'],
    [-1, 'forever'],
  ])('%i ms is "%s"', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [1_048_576, '1 MiB'],
    [1_073_741_824, '1 GiB'],
    [-1, 'unlimited'],
  ])('%i bytes is "%s"', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('humanizeConfigValue', () => {
  it('reads retention.ms 604800000 as 7 days, as the seed says', () => {
    expect(humanizeConfigValue('retention.ms', '604800000')).toBe('7 days');
  });
  it('reads byte sizes and leaves other values alone', () => {
    expect(humanizeConfigValue('segment.bytes', '1073741824')).toBe('1 GiB');
    expect(humanizeConfigValue('max.message.bytes', '1048588')).toBe('1 MiB');
    expect(humanizeConfigValue('cleanup.policy', 'delete')).toBeNull();
    expect(humanizeConfigValue('min.insync.replicas', '2')).toBeNull();
  });
});

describe('configValueInWords', () => {
  it('says "forever" for Long.MAX_VALUE ms and for -1 where Kafka means no time limit', () => {
    expect(configValueInWords('max.compaction.lag.ms', '9223372036854775807')).toBe('forever');
    expect(configValueInWords('log.message.timestamp.after.max.ms', '9223372036854775807')).toBe('forever');
    expect(configValueInWords('retention.ms', '-1')).toBe('forever');
  });

  it('says "unlimited" for sizes without a limit, and "as retention" for tiered storage’s -2', () => {
    expect(configValueInWords('retention.bytes', '-1')).toBe('unlimited');
    expect(configValueInWords('local.retention.ms', '-2')).toBe('as retention.ms');
    expect(configValueInWords('local.retention.bytes', '-2')).toBe('as retention.bytes');
  });

  it('words other values as before, and leaves other names and odd values alone', () => {
    expect(configValueInWords('retention.ms', '604800000')).toBe('7 days');
    expect(configValueInWords('max.message.bytes', '1048588')).toBe(humanizeConfigValue('max.message.bytes', '1048588'));
    expect(configValueInWords('min.insync.replicas', '2')).toBeNull();
    expect(configValueInWords('retention.ms', null)).toBeNull();
    expect(configValueInWords('segment.ms', '-5')).toBeNull();
  });
});
