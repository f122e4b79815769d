import { describe, expect, it } from 'vitest';
import { encodeDescribeLogDirsRequest } from './describe-log-dirs';

describe('DescribeLogDirs v1 request', () => {
  it('asks for every topic with a null topic list', () => {
    expect(encodeDescribeLogDirsRequest().toString('hex')).toBe('ffffffff');
  });

  it('asks for one topic’s partitions: int32 count, int16-length name, int32 partition ids', () => {
    expect(encodeDescribeLogDirsRequest([{ topic: 'ab', partitions: [0, 2] }]).toString('hex')).toBe(
      ['00000001', '0002', '6162', '00000002', '00000000', '00000002'].join(''),
    );
  });
});
