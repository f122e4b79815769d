// The local Kafka Connect worker: Apache Kafka Connect in distributed mode, from Maven Central (connect-pom.xml),
// keeping its configs, offsets and statuses in the local cluster (topics `_dashboard_connect_*`), with the file
// connectors on its plugin path and MirrorMaker 2's on its classpath. Started by
// `npm run cluster:start -- --connect`; stopped, reported and wiped with the cluster.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BOOTSTRAP, ROOT, STATE_DIR, ensureDir, log4jConfig } from './nodes.mjs';

/** Connect's own version, independent of KAFKA_VERSION: a 4.x worker talks to 3.x brokers too. */
export const CONNECT_VERSION = '4.3.1';
export const CONNECT_PORT = 18083;
export const CONNECT_URL = `http://127.0.0.1:${CONNECT_PORT}`;
export const CONNECT_GROUP = '_dashboard_connect';
export const CONNECT_TOPICS = {
  config: '_dashboard_connect_configs',
  offset: '_dashboard_connect_offsets',
  status: '_dashboard_connect_status',
};
const HEAP = process.env.CONNECT_HEAP || '384m';

const CONNECT_DIR = path.join(STATE_DIR, 'connect');
const libsDir = path.join(CONNECT_DIR, `libs-${CONNECT_VERSION}`);
const pluginsDir = path.join(CONNECT_DIR, `plugins-${CONNECT_VERSION}`);
const propsFile = path.join(CONNECT_DIR, 'worker.properties');
const log4jFile = path.join(CONNECT_DIR, 'log4j2.properties');
const pidFile = path.join(CONNECT_DIR, 'pid');
export const connectLog = path.join(CONNECT_DIR, 'connect.log');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  console.error(`kafka connect: ${message}`);
  process.exit(1);
}

function mvn(args, what) {
  const result = spawnSync('mvn', ['-q', '-B', ...args], { stdio: 'inherit', cwd: CONNECT_DIR });
  if (result.error) fail(`could not run mvn (${result.error.message}); install Maven`);
  if (result.status !== 0) fail(`Maven could not resolve ${what} (see above)`);
}

/** Resolves the worker's jars and the file connectors' plugin once (again when connect-pom.xml changes). */
function resolveConnect() {
  const pom = path.join(ROOT, 'cluster', 'connect-pom.xml');
  const marker = path.join(libsDir, '.complete');
  const pomHash = crypto.createHash('sha256').update(fs.readFileSync(pom)).digest('hex');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === pomHash) return;
  fs.rmSync(libsDir, { recursive: true, force: true });
  fs.rmSync(pluginsDir, { recursive: true, force: true });
  console.log(`Resolving Apache Kafka Connect ${CONNECT_VERSION} from Maven Central (first run only)...`);
  mvn(
    ['-f', pom, `-Dkafka.version=${CONNECT_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${libsDir}`, '-DincludeScope=runtime'],
    'the Connect jars',
  );
  // The file connectors are a plugin, as in Kafka's own distribution (not on the worker's classpath since 3.2).
  mvn(
    ['dependency:copy', `-Dartifact=org.apache.kafka:connect-file:${CONNECT_VERSION}`, `-DoutputDirectory=${path.join(pluginsDir, 'connect-file')}`],
    'org.apache.kafka:connect-file',
  );
  fs.writeFileSync(marker, pomHash);
}

function workerProperties() {
  return [
    `bootstrap.servers=${BOOTSTRAP.join(',')}`,
    `group.id=${CONNECT_GROUP}`,
    `config.storage.topic=${CONNECT_TOPICS.config}`,
    `offset.storage.topic=${CONNECT_TOPICS.offset}`,
    `status.storage.topic=${CONNECT_TOPICS.status}`,
    'config.storage.replication.factor=3',
    'offset.storage.replication.factor=3',
    'status.storage.replication.factor=3',
    'key.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable=false',
    'value.converter.schemas.enable=false',
    `listeners=http://127.0.0.1:${CONNECT_PORT}`,
    'rest.advertised.host.name=127.0.0.1',
    `rest.advertised.port=${CONNECT_PORT}`,
    `plugin.path=${pluginsDir}`,
    // Source offsets reach the offsets topic within a second, so tests and the offsets page see them soon.
    'offset.flush.interval.ms=1000',
    // A single worker: no need to wait the default 5 minutes for a departed worker's tasks.
    'scheduled.rebalance.max.delay.ms=10000',
    '',
  ].join('\n');
}

/** The worker's pid if that process is alive and really is our worker. */
export function connectPid() {
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('ConnectDistributed') && cmdline.includes(propsFile) ? pid : null;
  } catch {
    return null;
  }
}

/** True once the worker has joined its group and serves requests (KIP-1017's /health). */
async function ready() {
  try {
    const response = await fetch(`${CONNECT_URL}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** True when anything answers HTTP on the port. */
async function portAnswers() {
  try {
    await fetch(`${CONNECT_URL}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

function logTail(lines = 40) {
  if (!fs.existsSync(connectLog)) return '(no log)';
  return fs.readFileSync(connectLog, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Starts the worker unless it runs already; waits until its REST API answers. Needs the cluster up. */
export async function startConnect() {
  ensureDir(CONNECT_DIR);
  if (!connectPid()) {
    resolveConnect();
    if (await portAnswers()) fail(`port ${CONNECT_PORT} is in use by another process`);
    fs.writeFileSync(propsFile, workerProperties());
    fs.writeFileSync(log4jFile, log4jConfig('INFO'));
    const out = fs.openSync(connectLog, 'a');
    const child = spawn(
      'java',
      [
        `-Xmx${HEAP}`,
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${log4jFile}`,
        '-cp',
        path.join(libsDir, '*'),
        'org.apache.kafka.connect.cli.ConnectDistributed',
        propsFile,
      ],
      { detached: true, stdio: ['ignore', out, out], cwd: CONNECT_DIR },
    );
    child.unref();
    fs.writeFileSync(pidFile, String(child.pid));
    console.log('Started Kafka Connect; waiting for it (10-40 s)...');
  }
  const deadline = Date.now() + 180_000;
  while (!(await ready())) {
    if (!connectPid()) fail(`the worker exited during start (${connectLog}):\n${logTail()}`);
    if (Date.now() > deadline) fail(`the worker did not answer within 180 s (${connectLog}):\n${logTail()}`);
    await sleep(1000);
  }
  console.log(`Kafka Connect: ${CONNECT_URL}`);
}

/** Stops the worker (if it runs); it leaves its group on the way out. */
export async function stopConnect() {
  const pid = connectPid();
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (connectPid() && Date.now() < deadline) await sleep(250);
  if (connectPid()) process.kill(pid, 'SIGKILL');
  while (connectPid()) await sleep(100);
  fs.rmSync(pidFile, { force: true });
  console.log('Stopped Kafka Connect.');
  return true;
}

/** For `reset`: connectors, offsets and statuses live in the cluster's topics, wiped with them; jars are kept. */
export function resetConnect() {
  fs.rmSync(connectLog, { force: true });
}

export function connectStatus() {
  const pid = connectPid();
  console.log(`kafka connect  ${CONNECT_URL}  ${pid ? `running (pid ${pid})` : 'stopped'}`);
}

/**
 * For `npm start`: one FileStreamSource connector feeding the topic `connect-demo-lines` from a file in
 * .cluster/connect, so the Connect pages are not empty. Left as it is when it exists already.
 */
export async function createDemoConnector() {
  const name = 'demo-file-source';
  const existing = await fetch(`${CONNECT_URL}/connectors/${name}`, { signal: AbortSignal.timeout(5000) });
  if (existing.ok) return;
  const file = path.join(CONNECT_DIR, 'demo-lines.txt');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `${Array.from({ length: 20 }, (_, i) => `demo line ${i + 1} written by the file connector`).join('\n')}\n`);
  }
  const response = await fetch(`${CONNECT_URL}/connectors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        file,
        topic: 'connect-demo-lines',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'topic.creation.default.replication.factor': '3',
        'topic.creation.default.partitions': '1',
      },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok && response.status !== 409) fail(`creating the demo connector failed: ${response.status} ${await response.text()}`);
}
