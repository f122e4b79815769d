// Every compression codec Kafka supports, written by clients nobody here wrote (kcat/librdkafka
// and Kafka's Java console producer), read through the stream from earliest and live, and through
// the raw download; and batches the dashboard compresses itself, as kcat and the broker read them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as produceRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as uploadRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/upload/route';
import * as rawRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/raw/route';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { WireMessage } from '@/lib/types/messages';
import { call } from '../support/api';
import { batchCodecs } from '../support/batch-codecs';
import { readSse } from '../support/sse';

const run = Date.now();
const kcatTopic = `it-codecs-kcat-${run}`; // partition i written by kcat with COMPRESSION_CODECS[i]
const javaTopic = `it-codecs-java-${run}`; // one partition, a run of the Java producer per codec
const apiTopic = `it-codecs-api-${run}`; // partition i written through the API with COMPRESSION_CODECS[i]
const zstdTopic = `it-codecs-broker-zstd-${run}`; // compression.type=zstd: the broker compresses
const PER_CODEC = 40;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const kcat = (args: string[], input?: string) => execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0], ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
/** Values of 200+ bytes: librdkafka leaves small batches uncompressed. */
const line = (codec: string, i: number) => `${codec}-key-${i}:${codec} message ${i} ${'lorem ipsum dolor sit amet '.repeat(10)}${i}`;
const lines = (codec: string, n = PER_CODEC) => `${Array.from({ length: n }, (_, i) => line(codec, i)).join('\n')}\n`;

/** What kcat prints for a topic from the beginning, one line per message, sorted by partition then offset. */
const FORMAT = '%p|%o|%k|%s|%h\n';
const kcatDump = (topic: string) => kcat(['-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', FORMAT]).split('\n').filter(Boolean).sort(byPartitionOffset);
const ourDump = (messages: WireMessage[]) =>
  messages
    .map((m) => `${m.partition}|${m.offset}|${m.key ?? ''}|${m.value ?? ''}|${m.headers.map((h) => `${h.key}=${h.value ?? 'NULL'}`).join(',')}`)
    .sort(byPartitionOffset);
function byPartitionOffset(a: string, b: string) {
  const [pa, oa] = a.split('|').map(Number);
  const [pb, ob] = b.split('|').map(Number);
  return pa - pb || oa - ob;
}

const stream = (topic: string, query: string) =>
  (streamRoute.GET as Handler)(new Request(`http://localhost/api?${query}`), { params: Promise.resolve({ cluster: 'local', topic }) });
const readAll = async (topic: string) => readSse(await stream(topic, 'from=earliest&live=false'));

async function createTopic(name: string, partitions: number, configs?: Record<string, string>) {
  const created = await call(topicsRoute.POST, { cluster: 'local' }, { method: 'POST', body: { name, partitions, replicationFactor: 1, configs } });
  expect(created.status).toBe(201);
}

/** Kafka's Java console producer; it takes the codec from --compression-codec (it ignores compression.type). */
function javaProduce(topic: string, codec: string, input: string) {
  const readerProperty = process.env.KAFKA_VERSION?.startsWith('3.') ? '--property' : '--reader-property';
  execFileSync(
    process.execPath,
    [
      path.resolve(__dirname, '..', '..', 'cluster', 'cluster.mjs'),
      'tool',
      'console-producer',
      '--topic',
      topic,
      '--compression-codec',
      codec,
      readerProperty,
      'parse.key=true',
      readerProperty,
      'key.separator=:',
    ],
    { input, stdio: ['pipe', 'ignore', 'pipe'] },
  );
}

beforeAll(async () => {
  await createTopic(kcatTopic, COMPRESSION_CODECS.length);
  await createTopic(javaTopic, 1);
  await createTopic(apiTopic, COMPRESSION_CODECS.length);
  await createTopic(zstdTopic, 1, { 'compression.type': 'zstd' });
  for (const [partition, codec] of COMPRESSION_CODECS.entries()) {
    kcat(['-P', '-t', kcatTopic, '-p', String(partition), '-z', codec, '-K', ':', '-H', `codec=${codec}`, '-H', 'dup=1', '-H', 'dup=2'], lines(codec));
  }
  for (const codec of COMPRESSION_CODECS.slice(1)) javaProduce(javaTopic, codec, lines(`java-${codec}`, 30));
}, 120_000);

afterAll(async () => {
  for (const topic of [kcatTopic, javaTopic, apiTopic, zstdTopic]) await call(topicRoute.DELETE, { cluster: 'local', topic }, { method: 'DELETE' });
});

describe('compressed batches', () => {
  it('are really written with each codec (DumpLogSegments), by kcat and by the Java producer', () => {
    const kcatCodecs = batchCodecs(kcatTopic);
    for (const [partition, codec] of COMPRESSION_CODECS.entries()) expect(new Set(kcatCodecs.get(partition))).toEqual(new Set([codec]));
    expect(new Set(batchCodecs(javaTopic).get(0))).toEqual(new Set(['gzip', 'snappy', 'lz4', 'zstd']));
  });

  it("written by kcat with every codec, one per partition, read from earliest equal kcat's own reading", async () => {
    const { messages, events } = await readAll(kcatTopic);
    expect(messages).toHaveLength(COMPRESSION_CODECS.length * PER_CODEC);
    expect(ourDump(messages)).toEqual(kcatDump(kcatTopic));
    expect(events.find((e) => e.event === 'done')?.data).not.toHaveProperty('unreadable');
  });

  it("written by the Java producer with gzip, snappy (xerial framing), lz4 and zstd into one partition equal kcat's reading", async () => {
    const { messages } = await readAll(javaTopic);
    expect(messages).toHaveLength(4 * 30);
    expect(ourDump(messages)).toEqual(kcatDump(javaTopic));
    expect(messages.map((m) => m.key)).toContain('java-snappy-key-29');
  });

  it('arrive in a live tail on every partition as they are written', async () => {
    const controller = new AbortController();
    const response = await (streamRoute.GET as Handler)(new Request('http://localhost/api?from=latest&live=true', { signal: controller.signal }), {
      params: Promise.resolve({ cluster: 'local', topic: kcatTopic }),
    });
    const reading = readSse(response, (messages) => messages.length >= COMPRESSION_CODECS.length * 5);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the tail has its start positions
    for (const [partition, codec] of COMPRESSION_CODECS.entries())
      kcat(['-P', '-t', kcatTopic, '-p', String(partition), '-z', codec, '-K', ':'], lines(`live-${codec}`, 5));
    const { messages } = await reading;
    controller.abort();
    expect(messages.map((m) => `${m.partition}:${m.key}`).sort()).toEqual(
      COMPRESSION_CODECS.flatMap((codec, p) => Array.from({ length: 5 }, (_, i) => `${p}:live-${codec}-key-${i}`)).sort(),
    );
  });

  it('the raw download of a message inside a compressed batch is its exact value', async () => {
    for (const [partition, codec] of [
      [3, 'lz4'],
      [4, 'zstd'],
      [2, 'snappy'],
    ] as const) {
      const response = await (rawRoute.GET as Handler)(new Request(`http://localhost/api?partition=${partition}&offset=7`), {
        params: Promise.resolve({ cluster: 'local', topic: kcatTopic }),
      });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(line(codec, 7).slice(line(codec, 7).indexOf(':') + 1));
    }
  });
});

describe('producing compressed', () => {
  it('through the API with each codec: the batches carry it and kcat reads them back', async () => {
    for (const [partition, compression] of COMPRESSION_CODECS.entries()) {
      const messages = Array.from({ length: 20 }, (_, i) => ({
        key: `api-${compression}-${i}`,
        value: line(compression, i),
        headers: [{ key: 'h', value: null }],
        partition,
      }));
      expect((await call(produceRoute.POST, { cluster: 'local', topic: apiTopic }, { method: 'POST', body: { messages, compression } })).status).toBe(200);
    }
    const codecs = batchCodecs(apiTopic);
    for (const [partition, codec] of COMPRESSION_CODECS.entries()) expect(codecs.get(partition)).toEqual([codec]);
    const { messages } = await readAll(apiTopic);
    expect(messages).toHaveLength(COMPRESSION_CODECS.length * 20);
    expect(ourDump(messages)).toEqual(kcatDump(apiTopic));
  });

  it('refuses a codec Kafka does not have, writing nothing', async () => {
    const refused = await call(
      produceRoute.POST,
      { cluster: 'local', topic: apiTopic },
      { method: 'POST', body: { messages: [{ value: 'x', partition: 0 }], compression: 'brotli' } },
    );
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/compression must be one of none, gzip, snappy, lz4, zstd/) } },
    });
    const upload = await (uploadRoute.POST as Handler)(new Request('http://localhost/api?compression=brotli', { method: 'POST', body: 'a\nb\n' }), {
      params: Promise.resolve({ cluster: 'local', topic: apiTopic }),
    });
    expect(upload.status).toBe(400);
    expect(await upload.json()).toMatchObject({ error: { message: expect.stringMatching(/compression must be one of/) } });
    expect(kcatDump(apiTopic)).toHaveLength(COMPRESSION_CODECS.length * 20);
  });

  it('a topic with compression.type=zstd: what the dashboard writes, the broker compresses, and the dashboard reads back', async () => {
    const messages = Array.from({ length: 10 }, (_, i) => ({ key: `z-${i}`, value: line('broker', i), partition: 0 }));
    expect((await call(produceRoute.POST, { cluster: 'local', topic: zstdTopic }, { method: 'POST', body: { messages, compression: 'lz4' } })).status).toBe(
      200,
    );
    expect(batchCodecs(zstdTopic).get(0)).toEqual(['zstd']);
    const { messages: read } = await readAll(zstdTopic);
    expect(read.map((m) => [m.key, m.value])).toEqual(messages.map((m) => [m.key, m.value]));
  });
});
