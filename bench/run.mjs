#!/usr/bin/env node
// `npm run bench`: figures, not pass/fail. Seeds a topic on the local cluster, serves the built
// dashboard, and measures the tail over SSE next to kcat, produce-to-visible latency, file upload
// next to kcat -P, the server's memory, and the topics/groups APIs. Prints a table and writes
// bench/RESULTS.md. Sizes: BENCH_MESSAGES (default 1,000,000), BENCH_UPLOAD_MB (100), BENCH_RUNS (3),
// BENCH_TOPICS and BENCH_GROUPS (10,000 each). BENCH_ONLY=scroll runs only the message list's scroll
// cost in Chromium (a few minutes instead of an hour) and replaces just those rows of RESULTS.md;
// BENCH_ONLY=upload, the file upload next to kcat -P alone; BENCH_ONLY=tail, the tail next to kcat and
// the server's memory meanwhile (the topic bench-tail-<BENCH_MESSAGES> is seeded once and kept).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import kafkajs from 'kafkajs';
import { BOOTSTRAP, ROOT } from '../cluster/nodes.mjs';
import {
  brokerListening,
  fmt,
  hasKcat,
  kcatLines,
  kcatTailArgs,
  launchChromium,
  pct,
  readTail as readTailAt,
  sleep,
  startServer as startServerOn,
  stats,
  takeFrames,
  timeToFirstRows,
} from './common.mjs';
import { rssOf, seedGroups, seedTopics } from './seed.mjs';

const { Kafka, logLevel, CompressionTypes } = kafkajs;
const MESSAGES = Number(process.env.BENCH_MESSAGES || 1_000_000);
/** Size of the uploaded file (lines of ~190 bytes), in MB. */
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB || 100);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 10_000);
const TOPICS = Number(process.env.BENCH_TOPICS ?? 10_000);
const PORT = Number(process.env.BENCH_PORT || 3200);
const ONLY = process.env.BENCH_ONLY || '';
/** Buffer sizes whose scroll cost is measured: the page's Keep choices up to its maximum. */
const SCROLL_SIZES = [5_000, 50_000, 100_000];
const BASE = `http://127.0.0.1:${PORT}`;
const kafka = new Kafka({ clientId: 'bench', brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const rows = [];
const record = (what, unit, values, note = '') => {
  const s = stats(values);
  rows.push({ what, unit, ...s, note });
  console.log(`${what}: min ${fmt(s.min)} / median ${fmt(s.median)} / max ${fmt(s.max)} ${unit} ${note}`);
};
const readTail = (topic, query) => readTailAt(BASE, topic, query);
const startServer = () => startServerOn(PORT);

async function seedTopic(topic, count = MESSAGES) {
  const admin = kafka.admin();
  await admin.connect();
  if ((await admin.listTopics()).includes(topic)) {
    await admin.disconnect();
    return;
  }
  console.log(`Seeding ${count.toLocaleString()} messages of ~200 bytes into ${topic}…`);
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const value = (i) => `${String(i).padStart(10, '0')} ${'x'.repeat(189)}`;
  for (let i = 0; i < count; i += 5000) {
    await producer.send({
      topic,
      acks: 1,
      compression: CompressionTypes.None,
      messages: Array.from({ length: Math.min(5000, count - i) }, (_, j) => ({ key: `k${(i + j) % 1000}`, value: value(i + j) })),
    });
  }
  await producer.disconnect();
}

/** Commits offsets for BENCH_GROUPS groups (once), straight to their coordinators, as Kafka's admin client does. */
async function seedBenchGroups(topic) {
  const admin = kafka.admin();
  await admin.connect();
  const existing = (await admin.listGroups()).groups.filter((g) => g.groupId.startsWith('bench-group-')).length;
  await admin.disconnect();
  if (existing >= GROUPS) return;
  console.log(`Seeding ${GROUPS.toLocaleString()} consumer groups with committed offsets…`);
  await seedGroups(kafka, {
    from: existing,
    to: GROUPS,
    nameOf: (i) => `bench-group-${String(i).padStart(5, '0')}`,
    commitsOf: (i) => [{ topic, partitions: [0, 1, 2].map((p) => ({ partition: p, offset: String(10 + (i % 50)) })) }],
  });
}

/** Samples the server's RSS while `work` runs; returns the peak growth over the starting RSS. */
/** Peak RSS growth per run, with the largest peak noted. */
function recordMemory(during, runs) {
  const top = runs.reduce((a, b) => (b.peak > a.peak ? b : a));
  record(
    `Server RSS growth ${during}`,
    'MB',
    runs.map((r) => r.growth / 1e6),
    `peak RSS ${(top.peak / 1e6).toFixed(0)} MB (from ${(top.start / 1e6).toFixed(0)} MB)`,
  );
}

async function peakGrowth(pid, work) {
  const start = rssOf(pid);
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 50);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { start, peak, growth: peak - start };
}

/** kcat's messages/s reading `topic` to its end (see kcatTailArgs). */
async function kcatRate(topic, options) {
  const started = performance.now();
  const count = await kcatLines(kcatTailArgs(topic, options));
  if (count !== MESSAGES) throw new Error(`kcat printed ${count} messages, expected ${MESSAGES}`);
  return count / ((performance.now() - started) / 1000);
}

/**
 * Tail from earliest over SSE next to kcat on the same topic. The two alternate run by run, so both
 * meet the same load from whatever else shares the machine (kcat alone swung 220,000–390,000 msgs/s
 * between runs minutes apart).
 */
async function benchTail(topic, serverPid) {
  const ours = [];
  const kcat = [];
  const kcatNoWait = [];
  const memory = [];
  // The first tail after the server starts also loads the route's code and grows the heap once:
  // its memory is reported on its own, then the runs on the warm server.
  const cold = await peakGrowth(serverPid, () => readTail(topic, 'from=earliest&live=false'));
  recordMemory('during the first tail after start (cold server)', [cold]);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    let count = 0;
    const m = await peakGrowth(serverPid, async () => {
      count = await readTail(topic, 'from=earliest&live=false');
    });
    if (count !== MESSAGES) throw new Error(`tail returned ${count} messages, expected ${MESSAGES}`);
    ours.push(count / ((performance.now() - started) / 1000));
    memory.push(m);
    if (hasKcat()) kcat.push(await kcatRate(topic));
  }
  // After the side-by-side runs, not between them: reading far faster, it kept the brokers busy into the next run.
  if (hasKcat()) for (let i = 0; i < RUNS; i++) kcatNoWait.push(await kcatRate(topic, { noWait: true }));
  record(`Tail from earliest over SSE (${MESSAGES.toLocaleString()} msgs)`, 'msgs/s', ours);
  recordMemory('during the tail', memory);
  if (kcat.length) {
    record('kcat -C -e -o beginning, same topic', 'msgs/s', kcat, 'values printed one per line; runs alternate with the SSE ones');
    rows.push({ what: 'Tail / kcat (median)', unit: 'ratio', min: NaN, median: stats(ours).median / stats(kcat).median, max: NaN, note: '' });
    const againstBest = stats(ours).median / stats(kcat).max;
    rows.push({ what: "Tail / kcat's fastest run", unit: 'ratio', min: NaN, median: againstBest, max: NaN, note: 'our median over its best' });
    record('kcat as above with fetch.wait.max.ms=10', 'msgs/s', kcatNoWait, 'no 500 ms wait for the end of each partition (see README)');
    console.log(`ratio ours/kcat: ${(stats(ours).median / stats(kcat).median).toFixed(2)}; over its fastest run: ${againstBest.toFixed(2)}`);
  }
}

async function benchLatency(topic) {
  const controller = new AbortController();
  const response = await fetch(`${BASE}/api/clusters/local/topics/${topic}/messages/stream?from=latest`, { signal: controller.signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const seen = new Map();
  const waiting = new Map();
  void (async () => {
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const { frames, rest } = takeFrames(text + decoder.decode(value, { stream: true }));
        text = rest;
        for (const m of frames.flat()) {
          const resolve = waiting.get(m.value);
          if (resolve) {
            seen.set(m.value, performance.now());
            resolve();
          }
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await sleep(1500);
  const producer = kafka.producer();
  await producer.connect();
  const latencies = [];
  for (let i = 0; i < 40; i++) {
    const value = `latency-${Date.now()}-${i}`;
    const arrived = new Promise((resolve) => waiting.set(value, resolve));
    const sent = performance.now();
    await producer.send({ topic, acks: -1, messages: [{ value }] });
    await Promise.race([arrived, sleep(5000)]);
    if (seen.has(value)) latencies.push(seen.get(value) - sent);
    await sleep(100);
  }
  controller.abort();
  await producer.disconnect();
  rows.push({
    what: `Produce-to-visible over SSE (node client, ${latencies.length} msgs)`,
    unit: 'ms',
    min: Math.min(...latencies),
    median: pct(latencies, 50),
    max: pct(latencies, 95),
    note: 'max column = p95',
  });
  console.log(`produce-to-visible: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms`);
}

/**
 * Produce-to-visible in Debian's Chromium: the messages page tails the topic live (from latest,
 * newest first); a MutationObserver notes when each produced value first shows in a row.
 */
async function benchLatencyInChromium(topic) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const producer = kafka.producer();
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}/clusters/local/topics/${topic}/messages`);
    await page.getByTestId('tail-counters').waitFor();
    await page.evaluate(() => {
      const seen = (window.__seen = {});
      new MutationObserver(() => {
        for (const cell of document.querySelectorAll('[data-testid="message-value"]')) {
          const text = cell.textContent ?? '';
          if (text.startsWith('latency-') && !(text in seen)) seen[text] = Date.now();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await sleep(1500);
    await producer.connect();
    const latencies = [];
    for (let i = 0; i < 40; i++) {
      const value = `latency-chromium-${Date.now()}-${i}`;
      const sent = Date.now();
      await producer.send({ topic, acks: -1, messages: [{ value }] });
      const shownAt = await page
        .waitForFunction((v) => window.__seen[v], value, { timeout: 10_000 })
        .then(
          (h) => h.jsonValue(),
          () => null,
        );
      if (shownAt) latencies.push(shownAt - sent);
      await sleep(150);
    }
    rows.push({
      what: `Produce-to-visible in Chromium, messages page (${latencies.length} msgs)`,
      unit: 'ms',
      min: Math.min(...latencies),
      median: pct(latencies, 50),
      max: pct(latencies, 95),
      note: 'max column = p95',
    });
    console.log(`produce-to-visible in Chromium: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms`);
  } finally {
    await producer.disconnect();
    await browser.close();
  }
}

async function benchUpload(topic, serverPid) {
  const file = path.join(os.tmpdir(), `bench-upload-${process.pid}.log`);
  const out = fs.createWriteStream(file);
  let lines = 0;
  for (let bytes = 0; bytes < UPLOAD_MB * 1e6; lines++) {
    const line = `199.72.81.55 - - [01/Jul/1995:00:00:01 -0400] "GET /history/apollo/${lines} HTTP/1.0" 200 6245 ${'y'.repeat(110)}\n`;
    bytes += line.length;
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  const size = fs.statSync(file).size;
  const ours = [];
  const memory = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const m = await peakGrowth(serverPid, async () => {
      const response = await fetch(`${BASE}/api/clusters/local/topics/${topic}/messages/upload?partitioner=round-robin`, {
        method: 'POST',
        body: fs.createReadStream(file),
        duplex: 'half',
      });
      const text = await response.text();
      const last = JSON.parse(text.trim().split('\n').at(-1));
      if (last.written !== lines) throw new Error(`upload wrote ${last.written} of ${lines}: ${last.message ?? ''}`);
    });
    ours.push(lines / ((performance.now() - started) / 1000));
    memory.push(m);
  }
  record(`File upload (${lines.toLocaleString()} lines, ${(size / 1e6).toFixed(0)} MB)`, 'lines/s', ours);
  recordMemory('during the upload', memory);
  if (hasKcat()) {
    const kcat = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      execFileSync('kcat', ['-P', '-b', BOOTSTRAP[0], '-t', topic, '-X', 'acks=all', '-l', file]);
      kcat.push(lines / ((performance.now() - started) / 1000));
    }
    record('kcat -P -l, same file', 'lines/s', kcat);
    rows.push({ what: 'Upload / kcat -P (median)', unit: 'ratio', min: NaN, median: stats(ours).median / stats(kcat).median, max: NaN, note: '' });
  }
  fs.rmSync(file);
}

async function benchApi(pathname, label) {
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}${pathname}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
    times.push(performance.now() - started);
    await sleep(2100); // past the server's 2 s coalescing, so each run does the Kafka work
  }
  record(label, 'ms', times);
}

/**
 * The message list's cost per scroll step in Debian's Chromium, with 5,000 / 50,000 / 100,000 rows
 * in the buffer (read from earliest, not live, kept oldest first). One step: set scrollTop, dispatch
 * the scroll event (the virtualiser re-renders synchronously in it) and force style and layout, timed
 * on the page's own clock; 40 steps from the top, the middle and the end of the list. A browser
 * paints at 60 Hz, so a step over 16 ms is a dropped frame.
 */
async function benchScroll(topic) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SCROLL_SIZES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const loadStarted = performance.now();
      // A Browse page of `size` messages, oldest first: the list holds all of them.
      await page.goto(`${BASE}/clusters/local/topics/${topic}/messages?from=earliest&size=${size}`);
      await page
        .getByTestId('tail-counters')
        .filter({ hasText: /next page from|end of the topic/ })
        .waitFor({ timeout: 300_000 });
      const loadMs = performance.now() - loadStarted;
      const { times, rowsInList } = await page.evaluate(async () => {
        const list = document.querySelector('[role="list"][aria-label="Messages"]');
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const rowHeight = list.querySelector('[role="listitem"]').getBoundingClientRect().height;
        const times = [];
        for (const from of [0, 0.5, 0.98]) {
          list.scrollTop = from * list.scrollHeight;
          await frame();
          await frame();
          for (let i = 0; i < 40; i++) {
            const started = performance.now();
            list.scrollTop += from > 0.9 ? -400 : 400;
            list.dispatchEvent(new Event('scroll'));
            list.querySelector('[role="listitem"]').getBoundingClientRect();
            times.push(performance.now() - started);
            await frame();
          }
        }
        return { times, rowsInList: Math.round(list.firstElementChild.getBoundingClientRect().height / rowHeight) };
      });
      await page.close();
      rows.push({
        what: `Message list scroll step, ${size.toLocaleString('en-US')} rows (Chromium)`,
        unit: 'ms',
        min: Math.min(...times),
        median: pct(times, 50),
        max: pct(times, 95),
        note: `max column = p95 of ${times.length} steps; ~${rowsInList.toLocaleString('en-US')} rows of height in the list; buffer filled in ${(loadMs / 1000).toFixed(1)} s`,
      });
      console.log(`scroll, ${size} rows: median ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms (load ${(loadMs / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser.close();
  }
}

/** Time from navigation to the first rows of a list being visible in Debian's Chromium. */
async function benchPages(paths) {
  const browser = await launchChromium();
  try {
    for (const [label, pathname, testId] of paths) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        times.push(await timeToFirstRows(browser, `${BASE}${pathname}`, testId));
        await sleep(2100);
      }
      record(label, 'ms', times, 'navigation → first rows visible, Chromium');
    }
  } finally {
    await browser.close();
  }
}

/**
 * The table of this run into bench/RESULTS.md. A partial run (BENCH_ONLY) replaces only the rows it
 * measured and keeps the others, so the file always holds the latest figure of every measure.
 */
function writeResults() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const line = (r) =>
    `| ${r.what} | ${r.unit} | ${Number.isNaN(r.min) ? '' : fmt(r.min)} | ${fmt(r.median)} | ${Number.isNaN(r.max) ? '' : fmt(r.max)} | ${r.note} |`;
  const machine = `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Kafka 4.3.1 (3 local brokers), ${new Date().toISOString().slice(0, 10)}.`;
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  const head = ['| measure | unit | min | median | max | note |', '| --- | --- | --- | --- | --- | --- |'];
  let report;
  if (ONLY) {
    const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmark results\n\n${machine}\n\n${head.join('\n')}\n`;
    const measured = new Set(rows.map((r) => r.what));
    const lines = previous
      .trimEnd()
      .split('\n')
      .filter((l) => !(l.startsWith('| ') && measured.has(l.split(' | ')[0].slice(2))));
    const notes = lines.filter((l) => !l.startsWith(`Partial run BENCH_ONLY=${ONLY}:`));
    const tableEnd = notes.findLastIndex((l) => l.startsWith('|'));
    notes.splice(tableEnd + 1, 0, ...rows.map(line));
    const tableStart = notes.findIndex((l) => l.startsWith('|'));
    notes.splice(tableStart - 1, 0, `Partial run BENCH_ONLY=${ONLY}: ${machine.slice('Machine: '.length)}`);
    report = `${notes.join('\n')}\n`;
  } else {
    const table = [...head, ...rows.map(line)].join('\n');
    report = `# Benchmark results\n\n${machine}\nRuns per figure: ${RUNS}. Command: \`npm run bench\` (BENCH_MESSAGES=${MESSAGES}, BENCH_UPLOAD_MB=${UPLOAD_MB}).\n\n${table}\n`;
  }
  fs.writeFileSync(file, report);
  console.log(`\n${rows.map(line).join('\n')}\n\nWritten to bench/RESULTS.md`);
}

/** BENCH_ONLY=upload: the file upload next to kcat -P, into a topic of its own (6 partitions, 3 replicas) deleted after. */
async function benchUploadOnly() {
  const topic = `bench-upload-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 3 }], waitForLeaders: true });
  const server = await startServer();
  try {
    await benchUpload(topic, server.pid);
  } finally {
    server.kill('SIGTERM');
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
}

async function main() {
  if (!(await brokerListening())) execFileSync(process.execPath, [path.join(ROOT, 'cluster', 'cluster.mjs'), 'start'], { stdio: 'inherit' });
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')))
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', cwd: ROOT });
  if (ONLY === 'upload') {
    await benchUploadOnly();
    writeResults();
    return;
  }
  if (ONLY === 'tail') {
    const topic = `bench-tail-${MESSAGES}`;
    await seedTopic(topic);
    const server = await startServer();
    try {
      await benchTail(topic, server.pid);
    } finally {
      server.kill('SIGTERM');
    }
    writeResults();
    return;
  }
  const scrollTopic = `bench-scroll-${SCROLL_SIZES.at(-1)}`;
  await seedTopic(scrollTopic, SCROLL_SIZES.at(-1));
  if (ONLY === 'scroll') {
    const server = await startServer();
    try {
      await benchScroll(scrollTopic);
    } finally {
      server.kill('SIGTERM');
    }
    writeResults();
    return;
  }
  if (ONLY) throw new Error(`BENCH_ONLY=${ONLY}: only "scroll", "upload" and "tail" can run on their own`);
  const topic = `bench-tail-${MESSAGES}`;
  const uploadTopic = `bench-upload-${Date.now()}`;
  const latencyTopic = `bench-latency-${Date.now()}`;
  await seedTopic(topic);
  if (GROUPS > 0) await seedBenchGroups(topic);
  if (TOPICS > 0) await seedTopics(kafka, TOPICS, console.log);
  const admin = kafka.admin();
  await admin.connect();
  // Right after 10,000 topics were created, kafkajs's metadata refresh can trip over partitions still
  // propagating (it throws for the whole cluster); give the brokers a moment and try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.createTopics({
        topics: [uploadTopic, latencyTopic].map((t) => ({ topic: t, numPartitions: 6, replicationFactor: 3 })),
        waitForLeaders: true,
      });
      break;
    } catch (error) {
      if (attempt === 10) throw error;
      await sleep(3000);
    }
  }
  const server = await startServer();
  try {
    await benchTail(topic, server.pid);
    await benchLatency(latencyTopic);
    await benchLatencyInChromium(latencyTopic);
    await benchScroll(scrollTopic);
    await benchUpload(uploadTopic, server.pid);
    const counts = await fetch(`${BASE}/api/clusters/local`).then((r) => r.json());
    await benchApi('/api/clusters/local/topics', `Topics API (${counts.topics} topics)`);
    const groups = await fetch(`${BASE}/api/clusters/local/groups`).then((r) => r.json());
    await benchApi('/api/clusters/local/groups', `Groups API (${groups.groups.length.toLocaleString('en-US')} groups)`);
    if (groups.groups.length) await benchApi(`/api/clusters/local/groups/${encodeURIComponent(groups.groups.at(-1).groupId)}`, 'One group (API)');
    await benchPages([
      [`Topics page (${counts.topics} topics)`, '/clusters/local/topics', 'topic-row'],
      [`Groups page (${groups.groups.length.toLocaleString('en-US')} groups)`, '/clusters/local/groups', 'group-row'],
      ['One group page', `/clusters/local/groups/${encodeURIComponent(groups.groups.at(-1)?.groupId ?? '')}`, 'lag'],
    ]);
  } finally {
    server.kill('SIGTERM');
    await admin.deleteTopics({ topics: [uploadTopic, latencyTopic] }).catch(() => {});
    await admin.disconnect();
  }
  writeResults();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
