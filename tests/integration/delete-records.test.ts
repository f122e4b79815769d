import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import * as route from '@/app/api/clusters/[cluster]/topics/[topic]/delete-records/route';
import { call } from '../support/api';
import { kafkaCli } from '../support/kafka-cli';
import { asViewer, whileReadOnly } from '../support/refusals';

const topic = `it-delete-records-${Date.now()}`;
const params = { cluster: 'local', topic };
const post = (body: unknown, p: Record<string, string> = params) => call(route.POST, p, { method: 'POST', body });

/** `kafka-get-offsets --time -2`: each partition's log start offset, as Kafka's tool prints it. */
function logStartOffsets(): number[] {
  return kafkaCli('get-offsets', '--topic', topic, '--time', '-2')
    .trim()
    .split('\n')
    .map((line) => line.split(':').map(Number))
    .sort((a, b) => a[1]! - b[1]!)
    .map((parts) => parts[2]!);
}

beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '2');
  for (const partition of [0, 1, 2]) {
    execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0]!, '-P', '-t', topic, '-p', String(partition)], {
      input: Array.from({ length: 10 }, (_, i) => `m${i}`).join('\n'),
    });
  }
});

afterAll(() => {
  kafkaCli('topics', '--delete', '--topic', topic);
});

describe('POST …/topics/{t}/delete-records', () => {
  it('refuses bad input with 400/404 and deletes nothing', async () => {
    const beyond = await post({ partitions: [1], beforeOffset: 11 });
    expect(beyond.status).toBe(400);
    expect(beyond.body.error.code).toBe('OFFSET_OUT_OF_RANGE');
    expect(beyond.body.error.message).toMatch(/beforeOffset 11 is beyond the high watermark 10 of partition 1/);
    // One partition beyond its high watermark: none of the others is touched either.
    expect((await post({ beforeOffset: 11 })).status).toBe(400);
    expect((await post({ beforeOffset: -1 })).status).toBe(400);
    expect((await post({ beforeOffset: 1.5 })).status).toBe(400);
    expect((await post({ beforOffset: 3 })).status).toBe(400); // a typo must not empty the topic
    expect((await post({ partitions: [] })).status).toBe(400);
    const unknownPartition = await post({ partitions: [0, 7], beforeOffset: 1 });
    expect([unknownPartition.status, unknownPartition.body.error.code]).toEqual([400, 'UNKNOWN_PARTITION']); // issue 17: one answer for an unknown partition
    expect(unknownPartition.body.error.message).toMatch(/no partition 7/);
    expect((await post({}, { cluster: 'local', topic: `${topic}-missing` })).status).toBe(404);
    expect((await post({}, { cluster: 'local', topic: '__consumer_offsets' })).status).toBe(403);
    expect((await call(route.POST, params, { method: 'POST', rawBody: '{' })).status).toBe(400);
    expect(logStartOffsets()).toEqual([0, 0, 0]);
  });

  it('is refused to READ_ONLY and to a viewer', async () => {
    const readOnly = await whileReadOnly(route.POST, params, { method: 'POST', body: {} });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('READ_ONLY');
    expect(await asViewer('POST', `/api/clusters/local/topics/${topic}/delete-records`)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(logStartOffsets()).toEqual([0, 0, 0]);
  });

  it('deletes records of one partition before an offset, as kafka-get-offsets --time -2 then shows', async () => {
    const { status, body } = await post({ partitions: [1], beforeOffset: 4 });
    expect(status).toBe(200);
    expect(body).toEqual({ partitions: [{ partition: 1, lowWatermark: 4 }] });
    expect(logStartOffsets()).toEqual([0, 4, 0]);
  });

  it('empties the topic: every partition up to its high watermark', async () => {
    const { status, body } = await post({});
    expect(status).toBe(200);
    expect(body).toEqual({ partitions: [0, 1, 2].map((partition) => ({ partition, lowWatermark: 10 })) });
    expect(logStartOffsets()).toEqual([10, 10, 10]);
  });
});
