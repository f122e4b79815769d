import { describe, expect, it } from 'vitest';
import { DESCRIBE_LOG_DIRS_V1_NODE_0 } from './captured-admin.fixtures';
import { describeLogDirs } from './describe-log-dirs';

describe('DescribeLogDirs v1 codec', () => {
  it('asks for every topic with a null topic list', () => {
    expect(describeLogDirs.encode({ topics: null }, 1).toString('hex')).toBe('ffffffff');
  });

  it('asks for one topic’s partitions: int32 count, int16-length name, int32 partition ids', () => {
    expect(describeLogDirs.encode({ topics: [{ topic: 'ab', partitions: [0, 2] }] }, 1).toString('hex')).toBe(
      ['00000001', '0002', '6162', '00000002', '00000000', '00000002'].join(''),
    );
  });

  it('reads a log dir’s replicas and their sizes from a captured Kafka 4.3.1 answer', () => {
    expect(describeLogDirs.decode(Buffer.from(DESCRIBE_LOG_DIRS_V1_NODE_0, 'hex'), 1)).toEqual([
      { errorCode: 0, path: '/work/main/.cluster/node-0/data', replicas: [{ topic: '_dashboard_schemas', partition: 0, sizeBytes: 169_301, isFuture: false }] },
    ]);
  });
});
