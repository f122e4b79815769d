import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as produceRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as uploadRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/upload/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { UploadProgress } from '@/lib/types/messages';
import { call } from '../support/api';
import { parseGetOffsets, parseTopicDescribe } from '../support/describe-parse';
import { kafkaCli, waitFor } from '../support/kafka-cli';

const run = Date.now();
const kafka = new Kafka({ clientId: 'produce-retry-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const made = new Set<string>();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Two messages for each of `partitions` partitions, named by their partition. */
const produce = (topic: string, partitions: number) =>
  call(
    produceRoute.POST,
    { cluster: 'local', topic },
    {
      method: 'POST',
      body: { messages: Array.from({ length: 2 * partitions }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % partitions })) },
    },
  );

const latestOffsets = (topic: string) => parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-1'));

/** Kafka's own tool creates the topic: the dashboard did not, and did not wait for its leaders. */
function createWithCli(topic: string, partitions: number, replicationFactor: number) {
  made.add(topic);
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', String(partitions), '--replication-factor', String(replicationFactor));
}

/**
 * The dashboard writes to a topic that is then deleted, as happens all day on a shared cluster.
 * kafkajs's producer keeps asking metadata for it, and one unknown topic fails the whole refresh.
 */
async function writeToADeletedTopic(name: string) {
  createWithCli(name, 1, 1);
  expect((await produce(name, 1)).status).toBe(200);
  kafkaCli('topics', '--delete', '--topic', name);
}

beforeAll(async () => {
  await admin.connect();
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [...made] }).catch(() => {});
  await admin.disconnect();
});

describe('producing to partitions the dashboard has not seen yet', () => {
  it('writes to topics another tool created a moment before, exactly once each', async () => {
    await writeToADeletedTopic(`it-retry-gone-${run}`);
    for (let i = 0; i < 3; i++) {
      const topic = `it-retry-new-${run}-${i}`;
      createWithCli(topic, 6, 3);
      const answer = await produce(topic, 6);
      expect({ status: answer.status, error: answer.body.error }).toEqual({ status: 200, error: undefined });
      expect(answer.body.written).toBe(12);
      expect(latestOffsets(topic)).toEqual(new Map([0, 1, 2, 3, 4, 5].map((p) => [p, 2])));
    }
  });

  it('uploads to a topic another tool created a moment before, with exact counts', async () => {
    await writeToADeletedTopic(`it-retry-gone-upload-${run}`);
    const topic = `it-retry-upload-${run}`;
    createWithCli(topic, 3, 3);
    const body = `${Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n')}\n`;
    const request = new Request('http://localhost/api?partitioner=round-robin', { method: 'POST', body });
    const response = await (uploadRoute.POST as Handler)(request, { params: Promise.resolve({ cluster: 'local', topic }) });
    const text = await response.text();
    expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
    const last = JSON.parse(text.trim().split('\n').at(-1)!) as UploadProgress;
    expect({ type: last.type, message: last.message }).toEqual({ type: 'done', message: undefined });
    expect(last.written).toBe(3000);
    expect(last.writtenPerPartition).toEqual({ 0: 1000, 1: 1000, 2: 1000 });
    expect(latestOffsets(topic)).toEqual(
      new Map([
        [0, 1000],
        [1, 1000],
        [2, 1000],
      ]),
    );
  });

  it('writes right after every partition moved to another broker, exactly once each', async () => {
    const topic = `it-retry-moved-${run}`;
    made.add(topic);
    kafkaCli('topics', '--create', '--topic', topic, '--replica-assignment', '0,1,2,0,1,2');
    expect((await produce(topic, 6)).status).toBe(200); // the dashboard's producer now knows the leaders

    const plan = path.join(os.tmpdir(), `${topic}.json`);
    const moves = [0, 1, 2, 0, 1, 2].map((broker, partition) => ({ topic, partition, replicas: [(broker + 1) % 3] }));
    fs.writeFileSync(plan, JSON.stringify({ version: 1, partitions: moves }));
    try {
      // --additional: without it the tool refuses while any other reassignment runs (files beside this one move partitions).
      kafkaCli('reassign-partitions', '--reassignment-json-file', plan, '--execute', '--additional');
      await waitFor(
        async () => (/in progress/.test(kafkaCli('reassign-partitions', '--reassignment-json-file', plan, '--verify')) ? undefined : true),
        60_000,
        200,
      );
    } finally {
      fs.rmSync(plan, { force: true });
    }
    expect(parseTopicDescribe(kafkaCli('topics', '--describe', '--topic', topic)).map((p) => p.leader)).toEqual([1, 2, 0, 1, 2, 0]);

    const answer = await produce(topic, 6);
    expect({ status: answer.status, error: answer.body.error }).toEqual({ status: 200, error: undefined });
    expect(latestOffsets(topic)).toEqual(new Map([0, 1, 2, 3, 4, 5].map((p) => [p, 4])));
  });
});
