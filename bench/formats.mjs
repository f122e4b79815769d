#!/usr/bin/env node
// `npm run bench:formats` (also the second half of `npm run bench`): figures for message formats on
// the real local cluster, with topics (and registry subjects) of its own that it deletes at the end.
// 1. Tail throughput on a zstd and an lz4 topic written by kcat (`-z`), the dashboard's stream from
//    earliest to the end next to `kcat -C -e -o beginning` on the same topic: messages/s, MB/s, ratio;
//    the same data uncompressed as the baseline; then how long the brokers API takes to answer while
//    tails run, with the tail in worker threads and with TAIL_WORKER=off.
// 2. Upload throughput through the upload API per codec (none/gzip/snappy/lz4/zstd).
// 3. Avro decoding (bench/formats-avro.mjs): registry-framed records tailed decoded vs raw.
// Sizes: BENCH_CODEC_MESSAGES (200,000 per topic), BENCH_CODEC_UPLOAD_MB (20), BENCH_AVRO_MESSAGES
// (100,000), BENCH_RUNS (3). Writes bench/RESULTS-formats.md, except with BENCH_ONLY=tails (part 1
// only, printed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import kafkajs from 'kafkajs';
import { BOOTSTRAP, ROOT } from '../cluster/nodes.mjs';
import { brokerListening, fmt, hasKcat, kcatLines, kcatTailArgs, readTail, startServer, stats } from './common.mjs';
import { benchAvro, REGISTRY_URL } from './formats-avro.mjs';

const { Kafka, logLevel } = kafkajs;
const MESSAGES = Number(process.env.BENCH_CODEC_MESSAGES || 200_000);
const UPLOAD_MB = Number(process.env.BENCH_CODEC_UPLOAD_MB || 20);
const AVRO_MESSAGES = Number(process.env.BENCH_AVRO_MESSAGES || 100_000);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PORT = Number(process.env.BENCH_PORT || 3200);
const ONLY = process.env.BENCH_ONLY || '';
const BASE = `http://127.0.0.1:${PORT}`;
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
/** Every value is this long: librdkafka leaves tiny batches uncompressed. */
const VALUE_BYTES = 240;
const run = Date.now();
const kafka = new Kafka({ clientId: 'bench-formats', brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const rows = [];
const record = (what, unit, values, note = '') => {
  const s = stats(values);
  rows.push({ what, unit, ...s, note });
  console.log(`${what}: min ${fmt(s.min)} / median ${fmt(s.median)} / max ${fmt(s.max)} ${unit} ${note}`);
};
const ratioRow = (what, ratio, note = '') => {
  rows.push({ what, unit: 'ratio', min: NaN, median: ratio, max: NaN, note });
  console.log(`${what}: ${ratio.toFixed(2)} ${note}`);
};

const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
  'curl/8.8.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
];
/** A fixed pseudo-random sequence (mulberry32), so every run writes the same bytes. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Web-server log lines of exactly VALUE_BYTES bytes (without the newline), numbered, with a random
 * request id and varying fields: they compress about as well as real access logs (zstd ~4×), not
 * 25× as a repeated filler would, which would flatter the decompression.
 */
function logLines() {
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  return (i) => {
    const id = Array.from({ length: 4 }, () =>
      Math.floor(next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const head = `10.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${i % 250} - - [01/Jul/1995:00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} -0400] "${pick(['GET', 'GET', 'GET', 'POST'])} /history/apollo/${i}/${pick(['index.html', 'img/saturn.gif', 'docs'])} HTTP/1.0" ${pick([200, 200, 200, 304, 404])} ${Math.floor(next() * 100_000)} req=${id} `;
    return (head + pick(AGENTS) + ' '.repeat(VALUE_BYTES)).slice(0, VALUE_BYTES);
  };
}

/** A file of log lines; returns its path, line count and bytes. */
async function writeLines(name, lines) {
  const file = path.join(os.tmpdir(), `bench-formats-${process.pid}-${name}.log`);
  const out = fs.createWriteStream(file);
  const logLine = logLines();
  for (let i = 0; i < lines; i++) if (!out.write(`${logLine(i)}\n`)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
  return { file, lines, bytes: fs.statSync(file).size };
}

/**
 * Size on disk of one replica of `topic`, from the dashboard's topic page API: read fresh (the topics
 * list may answer up to 10 s old, from before the upload: it read 0.0 MB).
 */
async function sizeOnDisk(topic, replicationFactor) {
  const found = await fetch(`${BASE}/api/clusters/local/topics/${encodeURIComponent(topic)}`).then((r) => (r.ok ? r.json() : null));
  return found?.sizeBytes != null ? found.sizeBytes / replicationFactor : NaN;
}

/**
 * Tail throughput on a topic of MESSAGES values written by kcat with `codec`: the dashboard's stream
 * from earliest to the end (live=false) next to kcat reading the same topic, values one per line.
 * The two alternate run by run, so both meet the same load from whatever else shares the machine.
 */
async function benchCodecTail(codec, topic, source) {
  execFileSync('kcat', ['-P', '-b', BOOTSTRAP[0], '-t', topic, '-z', codec, '-X', 'acks=all', '-l', source.file]);
  const valueMB = (MESSAGES * VALUE_BYTES) / 1e6;
  const onDisk = await sizeOnDisk(topic, 3);
  const label = `${codec} topic (${MESSAGES.toLocaleString('en-US')} msgs of ${VALUE_BYTES} B, 3 partitions; ${(onDisk / 1e6).toFixed(1)} MB on disk per replica for ${valueMB.toFixed(0)} MB of values)`;
  // Not counted: the first tail of a fresh server also loads the route's code and the codec.
  await readTail(BASE, topic, 'from=earliest&live=false');
  const ours = [];
  const theirs = [];
  const theirsNoWait = [];
  const timed = async (read, into, who) => {
    const started = performance.now();
    const count = await read();
    if (count !== MESSAGES) throw new Error(`${who} read ${count} messages of ${topic}, expected ${MESSAGES}`);
    into.push(count / ((performance.now() - started) / 1000));
  };
  for (let i = 0; i < RUNS; i++) {
    await timed(() => readTail(BASE, topic, 'from=earliest&live=false'), ours, 'the dashboard');
    await timed(() => kcatLines(kcatTailArgs(topic)), theirs, 'kcat');
  }
  // After the side-by-side runs, not between them: at 600,000 msgs/s it kept the brokers busy into the next run.
  for (let i = 0; i < RUNS; i++) await timed(() => kcatLines(kcatTailArgs(topic, { noWait: true })), theirsNoWait, 'kcat');
  const mb = (rate) => (rate * VALUE_BYTES) / 1e6;
  record(`Tail, ${label}, dashboard SSE`, 'msgs/s', ours, `${fmt(mb(stats(ours).median))} MB/s of values (median)`);
  record(`Tail, ${codec} topic, kcat -C -e -o beginning`, 'msgs/s', theirs, `${fmt(mb(stats(theirs).median))} MB/s of values (median)`);
  ratioRow(
    `Tail / kcat, ${codec} topic (median)`,
    stats(ours).median / stats(theirs).median,
    codec === 'none' ? 'baseline: the same data uncompressed' : 'goal ≥ 0.5',
  );
  ratioRow(`Tail / kcat's fastest run, ${codec} topic`, stats(ours).median / stats(theirs).max, 'our median over its best');
  record(`Tail, ${codec} topic, kcat with fetch.wait.max.ms=10`, 'msgs/s', theirsNoWait, 'no 500 ms wait for the end of each partition (see README)');
  return stats(ours).median;
}

/**
 * How long another request waits while a firehose tail runs: the brokers API, asked every 150 ms
 * while tails of `topic` run back to back, on this server (tails in worker threads) and on one with
 * TAIL_WORKER=off (the tail's decoding and JSON on the request thread).
 */
async function benchResponsiveness(topic) {
  for (const [where, env] of [
    ['tail in worker threads', null],
    ['tail on the request thread (TAIL_WORKER=off)', { TAIL_WORKER: 'off' }],
  ]) {
    const port = PORT + 1;
    const other = env ? await startServer(port, { ...env, SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL || REGISTRY_URL }) : null;
    const base = other ? `http://127.0.0.1:${port}` : BASE;
    const brokers = async () => {
      const started = performance.now();
      const response = await fetch(`${base}/api/clusters/local/brokers`);
      if (!response.ok) throw new Error(`brokers API: ${response.status}`);
      await response.arrayBuffer();
      return performance.now() - started;
    };
    try {
      await brokers(); // warm: the route's code loads on first use
      await readTail(base, topic, 'from=earliest&live=false');
      let tailing = true;
      const tails = (async () => {
        while (tailing) await readTail(base, topic, 'from=earliest&live=false');
      })();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const waits = [];
      for (let i = 0; i < 30; i++) {
        waits.push(await brokers());
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      tailing = false;
      await tails;
      const sorted = [...waits].sort((a, b) => a - b);
      record(`Brokers API answer while tails run, ${where}`, 'ms', waits, `p90 ${fmt(sorted[Math.floor(sorted.length * 0.9)])} ms of 30 requests`);
    } finally {
      other?.kill('SIGTERM');
    }
  }
}

/** Upload throughput through …/messages/upload with each codec, into a topic per codec. */
async function benchUploads(topics) {
  const source = await writeLines('upload', Math.round((UPLOAD_MB * 1e6) / (VALUE_BYTES + 1)));
  try {
    for (const codec of CODECS) {
      const topic = topics.get(codec);
      const seconds = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const response = await fetch(`${BASE}/api/clusters/local/topics/${topic}/messages/upload?partitioner=round-robin&compression=${codec}`, {
          method: 'POST',
          body: fs.createReadStream(source.file),
          duplex: 'half',
        });
        const last = JSON.parse((await response.text()).trim().split('\n').at(-1));
        if (last.written !== source.lines) throw new Error(`${codec} upload wrote ${last.written} of ${source.lines}: ${last.message ?? ''}`);
        seconds.push((performance.now() - started) / 1000);
      }
      const onDisk = (await sizeOnDisk(topic, 3)) / RUNS;
      record(
        `Upload, ${codec} (${source.lines.toLocaleString('en-US')} lines, ${(source.bytes / 1e6).toFixed(0)} MB)`,
        'MB/s',
        seconds.map((s) => source.bytes / 1e6 / s),
        `${fmt(source.lines / stats(seconds).median)} lines/s (median); ${(onDisk / 1e6).toFixed(1)} MB on disk per replica per upload`,
      );
    }
  } finally {
    fs.rmSync(source.file);
  }
}

function writeResults() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const line = (r) =>
    `| ${r.what} | ${r.unit} | ${Number.isNaN(r.min) ? '' : fmt(r.min)} | ${fmt(r.median)} | ${Number.isNaN(r.max) ? '' : fmt(r.max)} | ${r.note} |`;
  const machine = `Machine: ${os.cpus().length} × ${cpu} (2 shared cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Kafka 4.3.1 (3 local brokers), load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end, ${new Date().toISOString().slice(0, 10)}.`;
  const table = ['| measure | unit | min | median | max | note |', '| --- | --- | --- | --- | --- | --- |', ...rows.map(line)].join('\n');
  const report = `# Benchmark results: message formats\n\n${machine}\nRuns per figure: ${RUNS}. Command: \`npm run bench:formats\` (BENCH_CODEC_MESSAGES=${MESSAGES}, BENCH_CODEC_UPLOAD_MB=${UPLOAD_MB}, BENCH_AVRO_MESSAGES=${AVRO_MESSAGES}).\n\n${table}\n`;
  fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS-formats.md'), report);
  console.log(`\n${rows.map(line).join('\n')}\n\nWritten to bench/RESULTS-formats.md`);
}

async function main() {
  // BENCH_ONLY=scroll or upload through `npm run bench`: run.mjs's part only; BENCH_ONLY=tails: the
  // codec tails and the responsiveness figures alone.
  if (ONLY && ONLY !== 'formats' && ONLY !== 'tails') return;
  if (!hasKcat()) throw new Error('kcat is needed: it writes the compressed topics and is the reference');
  if (!(await brokerListening()))
    execFileSync(process.execPath, [path.join(ROOT, 'cluster', 'cluster.mjs'), 'start', '--schema-registry'], { stdio: 'inherit' });
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')))
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', cwd: ROOT });
  // Uncompressed first: the baseline that shows what the codecs themselves cost the tail.
  const tailTopics = new Map(['none', 'zstd', 'lz4'].map((codec) => [codec, `bench-codec-${codec}-${run}`]));
  const uploadTopics = new Map(CODECS.map((codec) => [codec, `bench-upload-${codec}-${run}`]));
  const avroTopic = `bench-avro-${run}`;
  const topics = [...tailTopics.values(), ...uploadTopics.values(), avroTopic];
  const admin = kafka.admin();
  await admin.connect();
  let server = null;
  const cleanups = [];
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 3 })), waitForLeaders: true });
    server = await startServer(PORT, { SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL || REGISTRY_URL });
    const source = await writeLines('tail', MESSAGES);
    try {
      const rates = new Map();
      for (const [codec, topic] of tailTopics) rates.set(codec, await benchCodecTail(codec, topic, source));
      for (const codec of ['zstd', 'lz4'])
        ratioRow(
          `Tail, ${codec} / uncompressed (median)`,
          rates.get(codec) / rates.get('none'),
          'above 1: the compressed topic tails faster than the same data uncompressed',
        );
      await benchResponsiveness(tailTopics.get('zstd'));
    } finally {
      fs.rmSync(source.file);
    }
    if (ONLY === 'tails') return;
    await benchUploads(uploadTopics);
    await benchAvro({ kafka, base: BASE, topic: avroTopic, messages: AVRO_MESSAGES, runs: RUNS, record, ratioRow, cleanups });
  } finally {
    server?.kill('SIGTERM');
    await admin.deleteTopics({ topics }).catch((error) => console.error(`could not delete the bench topics ${topics.join(', ')}: ${error.message}`));
    await admin.disconnect();
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error(error.message));
  }
  if (ONLY !== 'tails') writeResults();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
