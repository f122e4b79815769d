#!/usr/bin/env node
// `npm run bench:scale`: how the dashboard copes with many consumer groups and topics (issue #16,
// item 7). Seeds BENCH_TOPICS topics (bench-t-*, default 20,000) and, cumulatively, consumer groups
// (bench-scale-group-*, committed offsets only) to each of BENCH_SCALE_STEPS (default
// 1000,10000,100000); at each step serves the built dashboard afresh and measures the groups and
// topics APIs, the first rows of both pages in Chromium, how long one sample of every group takes,
// and the server's resident memory. Writes bench/RESULTS-scale.md (keeping its "## Notes" section)
// and deletes what it seeded unless BENCH_KEEP=1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import kafkajs from 'kafkajs';
import { BOOTSTRAP, ROOT } from '../cluster/nodes.mjs';
import { brokerListening, fmt, launchChromium, sleep, startServer, stats, timeToFirstRows } from './common.mjs';
import { benchTopicName, deleteGroups, deleteTopics, rssOf, seedGroups, seedTopics } from './seed.mjs';

const { Kafka, logLevel } = kafkajs;
const STEPS = (process.env.BENCH_SCALE_STEPS || '1000,10000,100000').split(',').map(Number);
const TOPICS = Number(process.env.BENCH_TOPICS ?? 20_000);
const PORT = Number(process.env.BENCH_PORT || 3210);
/** Requests per API figure, after one warm-up request. */
const REQUESTS = Number(process.env.BENCH_REQUESTS || 5);
const PAGE_RUNS = Number(process.env.BENCH_RUNS || 3);
/** How long the server is left idle (sampling) before its settled memory is read. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS || 30_000);
const KEEP = process.env.BENCH_KEEP === '1';
const BASE = `http://127.0.0.1:${PORT}`;
const GROUP_PREFIX = 'bench-scale-group-';
const groupName = (i) => `${GROUP_PREFIX}${String(i).padStart(6, '0')}`;
const kafka = new Kafka({ clientId: 'bench-scale', brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const goals = {
  'Groups API, all groups': '',
  'Groups API, first page (limit=100)': '< 1,500 ms',
  'Topics API, all topics': '< 500 ms',
  'Groups page, first rows (Chromium)': '< 1,500 ms',
  'Topics page, first rows (Chromium)': '< 1,500 ms',
  'One sample of all groups': '< sample interval',
  'Server RSS, peak': '< 800 MB',
  'Server RSS, settled': '< 800 MB',
};

/**
 * Times REQUESTS GETs of `pathname` (after a warm-up), each past the server's 2 s sharing of a read.
 * Failed answers are counted, not fatal: the figure says how many failed and why.
 */
async function timeApi(pathname) {
  const times = [];
  const bodies = [];
  const failures = [];
  for (let i = 0; i <= REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}${pathname}`);
    const body = await response.json();
    if (i > 0) {
      if (response.ok) {
        times.push(performance.now() - started);
        bodies.push(body);
      } else failures.push(`${response.status} ${body.error?.message ?? ''}`.slice(0, 160));
    }
    await sleep(2100);
  }
  if (failures.length) log(`  ${pathname}: ${failures.length} failed: ${failures[0]}`);
  const note = failures.length ? `${failures.length} of ${REQUESTS} failed: ${failures[0]}` : '';
  return { times: times.length ? times : [Number.NaN], bodies, note };
}

/** Groups whose name starts with the benchmark's prefix (ListGroups on every broker). */
async function countSeededGroups() {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listGroups()).groups.filter((g) => g.groupId.startsWith(GROUP_PREFIX)).length;
  } finally {
    await admin.disconnect();
  }
}

async function topicCount(prefix) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((t) => t.startsWith(prefix)).length;
  } finally {
    await admin.disconnect();
  }
}

/** Every measure at one step, on a server started for it. */
async function measureStep(groups, seededMs) {
  const step = { groups, figures: new Map() };
  const put = (what, unit, values, note = '') => step.figures.set(what, { unit, values, note });
  put('Seeding the groups of this step', 's', [seededMs / 1000], 'OffsetCommit to each coordinator, 200 at a time');
  const server = await startServer(PORT);
  let peak = rssOf(server.pid);
  const watcher = setInterval(() => (peak = Math.max(peak, rssOf(server.pid))), 100);
  try {
    const all = await timeApi('/api/clusters/local/groups');
    const total = all.bodies[0]?.total ?? all.bodies[0]?.groups.length ?? 0;
    step.total = total;
    put('Groups API, all groups', 'ms', all.times, all.note || `${total.toLocaleString('en-US')} groups in the answer`);
    const first = await timeApi('/api/clusters/local/groups?limit=100');
    put(
      'Groups API, first page (limit=100)',
      'ms',
      first.times,
      first.note || (first.bodies[0]?.total === undefined ? 'limit not supported: every group' : ''),
    );
    const took = [...all.bodies, ...first.bodies].map((b) => b.sampleTookMs).filter((n) => typeof n === 'number');
    put('One sample of all groups', 'ms', took.length ? took : [Number.NaN], `interval ${(all.bodies[0]?.sampleIntervalMs ?? 0).toLocaleString('en-US')} ms`);
    const topics = await timeApi('/api/clusters/local/topics');
    step.topics = topics.bodies[0]?.total ?? topics.bodies[0]?.topics.length ?? 0;
    put('Topics API, all topics', 'ms', topics.times, topics.note || `${step.topics.toLocaleString('en-US')} topics`);
    const browser = await launchChromium();
    try {
      for (const [what, pathname, testId] of [
        ['Groups page, first rows (Chromium)', '/clusters/local/groups', 'group-row'],
        ['Topics page, first rows (Chromium)', '/clusters/local/topics', 'topic-row'],
      ]) {
        const times = [];
        for (let i = 0; i < PAGE_RUNS; i++) {
          times.push(await timeToFirstRows(browser, `${BASE}${pathname}`, testId).catch(() => Number.NaN));
          await sleep(2100);
        }
        const failed = times.filter(Number.isNaN).length;
        put(what, 'ms', times, failed ? `${failed} of ${times.length} showed no row within 60 s` : 'navigation → first rows visible');
      }
    } finally {
      await browser.close();
    }
    await sleep(SETTLE_MS);
    put('Server RSS, settled', 'MB', [rssOf(server.pid) / 1e6], `after ${SETTLE_MS / 1000} s idle, sampling`);
    put('Server RSS, peak', 'MB', [peak / 1e6], 'while measuring and settling');
  } finally {
    clearInterval(watcher);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  for (const [what, f] of step.figures) log(`  ${what}: ${cell(f)} ${f.unit} ${f.note}`);
  return step;
}

/** "median (min–max)" of a figure's values, or the one value; "failed" when none was measured. */
function cell(f) {
  if (!f) return '';
  const values = f.values.filter((v) => !Number.isNaN(v));
  if (!values.length) return 'failed';
  const s = stats(values);
  return values.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
}

function writeResults(steps, seeding) {
  const file = path.join(ROOT, 'bench', 'RESULTS-scale.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const notes = previous.includes('\n## Notes') ? previous.slice(previous.indexOf('\n## Notes') + 1) : '';
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const measures = [...new Set(steps.flatMap((s) => [...s.figures.keys()]))];
  const unitOf = (what) => steps.find((s) => s.figures.has(what)).figures.get(what).unit;
  const head = `| measure | unit | ${steps.map((s) => `${s.groups.toLocaleString('en-US')} groups`).join(' | ')} | goal at 100,000 |`;
  const table = [
    head,
    `| --- | --- | ${steps.map(() => '---').join(' | ')} | --- |`,
    ...measures.map((m) => `| ${m} | ${unitOf(m)} | ${steps.map((s) => cell(s.figures.get(m))).join(' | ')} | ${goals[m] ?? ''} |`),
  ].join('\n');
  // Only what went wrong: the standing notes are in the header.
  const notesOf = steps.flatMap((s) =>
    [...s.figures].filter(([, f]) => /failed|no row/.test(f.note)).map(([m, f]) => `- ${s.groups.toLocaleString('en-US')} groups, ${m}: ${f.note}`),
  );
  const report = `# Scale benchmark results

Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Kafka 4.3.1 (3 local brokers), ${new Date().toISOString().slice(0, 16)} UTC.
Command: \`npm run bench:scale\` (BENCH_SCALE_STEPS=${STEPS.join(',')}, BENCH_TOPICS=${TOPICS}). Figures: median (min–max) of
${REQUESTS} requests after a warm-up (each past the server's 2 s sharing of a read) and ${PAGE_RUNS} page loads; a fresh
server per step, lag history in memory; the sample figure is the \`sampleTookMs\` the groups API reports (sample
interval 10 s); settled RSS is read after ${SETTLE_MS / 1000} s idle (sampling). ${seeding}

${table}

${notesOf.join('\n')}

${notes}`;
  fs.writeFileSync(file, `${report.trimEnd()}\n`);
  log(`Written to bench/RESULTS-scale.md\n${table}`);
}

async function main() {
  if (!(await brokerListening())) throw new Error('The local cluster is not running: node cluster/cluster.mjs start');
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')))
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', cwd: ROOT });
  let started = performance.now();
  const createdTopics = await seedTopics(kafka, TOPICS, log);
  // The brokers create the logs of new topics one by one and show them in their metadata only then:
  // wait until all are there, or until no more appear for a minute.
  let held = await topicCount('bench-t-');
  for (let still = 0; held < TOPICS && still < 6; ) {
    await sleep(10_000);
    const now = await topicCount('bench-t-');
    still = now > held ? 0 : still + 1;
    held = now;
    log(`  ${held.toLocaleString('en-US')} topics in the brokers' metadata`);
  }
  let seeding = `Seeding ${createdTopics.length.toLocaleString('en-US')} topics took ${((performance.now() - started) / 1000).toFixed(0)} s; ${held.toLocaleString('en-US')} bench-t-* topics held.`;
  if (held < TOPICS) seeding += ` The brokers hold ${held.toLocaleString('en-US')} of the ${TOPICS.toLocaleString('en-US')} topics asked for.`;
  log(seeding);
  const steps = [];
  let seeded = await countSeededGroups();
  const seededBefore = seeded;
  if (seeded > STEPS[0]) {
    // Left by a run with BENCH_KEEP=1: back to the first step, so every step has the groups it names.
    log(`Deleting ${(seeded - STEPS[0]).toLocaleString('en-US')} groups left from an earlier run…`);
    const extra = Array.from({ length: seeded - STEPS[0] }, (_, i) => groupName(STEPS[0] + i));
    for (const error of await deleteGroups(kafka, extra)) log(`  ${error.message}`);
    seeded = STEPS[0];
  }
  try {
    for (const target of STEPS) {
      started = performance.now();
      if (seeded < target) {
        log(`Seeding groups ${seeded.toLocaleString('en-US')} → ${target.toLocaleString('en-US')}…`);
        await seedGroups(kafka, {
          from: seeded,
          to: target,
          nameOf: groupName,
          commitsOf: (i) => [{ topic: benchTopicName(i % Math.max(1, held)), partitions: [{ partition: 0, offset: '0' }] }],
        });
        seeded = target;
      }
      const seededMs = performance.now() - started;
      log(`Step ${target.toLocaleString('en-US')} groups (seeded in ${(seededMs / 1000).toFixed(1)} s)`);
      steps.push(await measureStep(target, seededMs));
    }
    writeResults(steps, seeding);
  } finally {
    if (!KEEP) {
      started = performance.now();
      const groups = Array.from({ length: Math.max(seeded, seededBefore) }, (_, i) => groupName(i));
      log(`Deleting ${groups.length.toLocaleString('en-US')} groups and ${createdTopics.length.toLocaleString('en-US')} topics…`);
      const failed = await deleteGroups(kafka, groups).catch((error) => [error]);
      for (const error of failed) log(`deleting groups: ${error.message}`);
      await deleteTopics(kafka, createdTopics).catch((error) => log(`deleting topics: ${error.message}`));
      log(`Deleted in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
