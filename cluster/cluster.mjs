#!/usr/bin/env node
// The local Apache Kafka cluster: `node cluster/cluster.mjs <command>`; see `npm run cluster:*` and README.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  BOOTSTRAP,
  CLIENT_PORT_BASE,
  DATA_ROOT,
  KAFKA_VERSION,
  NODE_IDS,
  ROOT,
  SASL_BOOTSTRAP,
  SASL_USER,
  STATE_DIR,
  TLS_BOOTSTRAP,
  TLS_DIR,
  clusterIdFile,
  dataDir,
  ensureDir,
  libsDir,
  log4jConfig,
  logFile,
  nodeDir,
  pidFile,
  propsFile,
  saslMarkerFile,
  serverProperties,
  tlsFile,
} from './nodes.mjs';
import { waitUntilReady } from './ready.mjs';
import { registryStatus, resetRegistry, startRegistry, stopRegistry } from './schema-registry.mjs';
import { connectStatus, resetConnect, startConnect, stopConnect } from './connect.mjs';
import { runInToolServer, stopToolServer } from './tool-server.mjs';

const HEAP = process.env.KAFKA_HEAP || '512m';
// Kafka 4.0 moved ConsoleProducer and BrokerApiVersionsCommand to the tools module; 3.x has them in core.
const KAFKA_3 = /^3\./.test(KAFKA_VERSION);
const TOOLS = {
  topics: 'org.apache.kafka.tools.TopicCommand',
  'consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  // Share groups (KIP-932): Kafka 4.x only.
  'share-groups': 'org.apache.kafka.tools.consumer.group.ShareGroupCommand',
  'console-share-consumer': 'org.apache.kafka.tools.consumer.ConsoleShareConsumer',
  'console-producer': KAFKA_3 ? 'kafka.tools.ConsoleProducer' : 'org.apache.kafka.tools.ConsoleProducer',
  'console-consumer': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  'get-offsets': 'org.apache.kafka.tools.GetOffsetShell',
  configs: 'kafka.admin.ConfigCommand',
  'metadata-quorum': 'org.apache.kafka.tools.MetadataQuorumCommand',
  features: 'org.apache.kafka.tools.FeatureCommand',
  'broker-api-versions': KAFKA_3 ? 'kafka.admin.BrokerApiVersionsCommand' : 'org.apache.kafka.tools.BrokerApiVersionsCommand',
  'reassign-partitions': 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
  // Issue 14's operations, each checked against the tool operators use for it.
  acls: KAFKA_3 ? 'kafka.admin.AclCommand' : 'org.apache.kafka.tools.AclCommand',
  'delete-records': 'org.apache.kafka.tools.DeleteRecordsCommand',
  'leader-election': 'org.apache.kafka.tools.LeaderElectionCommand',
  storage: 'kafka.tools.StorageTool',
  // Reads segment files on disk (tests check which codec a batch was written with).
  'dump-log': KAFKA_3 ? 'kafka.tools.DumpLogSegments' : 'org.apache.kafka.tools.DumpLogSegments',
};

function fail(message) {
  console.error(`cluster: ${message}`);
  process.exit(1);
}

/** Resolves the Kafka jars with Maven once (again when pom.xml changes); later starts reuse them. */
function resolveJars() {
  const dir = libsDir();
  const marker = path.join(dir, '.complete');
  if (process.env.KAFKA_HOME) {
    if (!fs.existsSync(dir)) fail(`KAFKA_HOME=${process.env.KAFKA_HOME} has no libs/ folder`);
    return;
  }
  const pom = path.join(ROOT, 'cluster', 'pom.xml');
  const pomHash = crypto.createHash('sha256').update(fs.readFileSync(pom)).digest('hex');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === pomHash) return;
  // copy-dependencies never deletes a jar: start from an empty folder so no stale one stays on the classpath.
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Resolving Apache Kafka ${KAFKA_VERSION} from Maven Central (first run only)...`);
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', pom, `-Dkafka.version=${KAFKA_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${dir}`, '-DincludeScope=runtime'],
    { stdio: 'inherit' },
  );
  if (result.error) fail(`could not run mvn (${result.error.message}); install Maven or set KAFKA_HOME`);
  if (result.status !== 0) fail('Maven could not resolve the Kafka jars (see above)');
  fs.writeFileSync(marker, pomHash);
}

/** True when something already listens on 127.0.0.1:port. */
function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function java(mainClass, args, options = {}) {
  const log4j = path.join(STATE_DIR, options.logLevel === 'INFO' ? 'log4j2-server.properties' : 'log4j2-tools.properties');
  return [
    ...(options.jvm ?? ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-Xshare:auto']),
    `-Dlog4j2.configurationFile=${log4j}`,
    '-cp',
    path.join(libsDir(), '*'),
    mainClass,
    ...args,
  ];
}

const saslEnabled = () => fs.existsSync(saslMarkerFile);
const tlsEnabled = () => fs.existsSync(tlsFile('broker.pem'));

function openssl(...args) {
  const result = spawnSync('openssl', args, { encoding: 'utf8', cwd: TLS_DIR });
  if (result.error) fail(`could not run openssl (${result.error.message}); install it for --tls`);
  if (result.status !== 0) fail(`openssl ${args[0]} failed:\n${result.stderr}`);
}

/**
 * A throw-away CA, one certificate for the brokers (valid for 127.0.0.1 and localhost) and one for
 * the dashboard as a client (CN=kafka-dashboard): unencrypted PEM, as Kafka and Node both read it.
 */
function createCertificates() {
  ensureDir(TLS_DIR);
  const days = '3650';
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', days, '-subj', '/CN=kafka-dashboard local CA');
  fs.writeFileSync(tlsFile('broker.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const [name, subject, ext] of [
    ['broker', '/CN=localhost', ['-extfile', 'broker.ext']],
    ['client', '/CN=kafka-dashboard', []],
  ]) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', days, ...ext);
  }
  // Kafka's PEM keystore is the private key followed by the certificate, in one file; written last,
  // since its presence is what marks TLS as set up.
  fs.writeFileSync(tlsFile('broker.pem'), fs.readFileSync(tlsFile('broker.key'), 'utf8') + fs.readFileSync(tlsFile('broker.crt'), 'utf8'));
}

/** Writes every node's properties; returns the ids whose properties changed. */
function writeConfigs() {
  ensureDir(STATE_DIR);
  fs.writeFileSync(path.join(STATE_DIR, 'log4j2-server.properties'), log4jConfig('INFO'));
  fs.writeFileSync(path.join(STATE_DIR, 'log4j2-tools.properties'), log4jConfig('WARN'));
  const changed = [];
  for (const id of NODE_IDS) {
    ensureDir(nodeDir(id));
    const properties = serverProperties(id, { sasl: saslEnabled(), tls: tlsEnabled() });
    const before = fs.existsSync(propsFile(id)) ? fs.readFileSync(propsFile(id), 'utf8') : null;
    if (before !== properties) changed.push(id);
    fs.writeFileSync(propsFile(id), properties);
  }
  return changed;
}

/** A Kafka cluster id is a 16-byte UUID in URL-safe base64 that does not start with '-'. */
function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function formatIfNeeded(id) {
  if (fs.existsSync(path.join(dataDir(id), 'meta.properties'))) return;
  if (!fs.existsSync(clusterIdFile)) fs.writeFileSync(clusterIdFile, newClusterId());
  const clusterId = fs.readFileSync(clusterIdFile, 'utf8').trim();
  const result = spawnSync('java', java(TOOLS.storage, ['format', '-t', clusterId, '-c', propsFile(id)]), { encoding: 'utf8' });
  if (result.status !== 0) fail(`formatting node ${id} failed:\n${result.stdout}${result.stderr}`);
}

/** The pid of node `id` if that process is alive and really is our Kafka node. */
function runningPid(id) {
  if (!fs.existsSync(pidFile(id))) return null;
  const pid = Number(fs.readFileSync(pidFile(id), 'utf8'));
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('kafka.Kafka') && cmdline.includes(propsFile(id)) ? pid : null;
  } catch {
    return null;
  }
}

function startNode(id) {
  if (runningPid(id)) return false;
  formatIfNeeded(id);
  const out = fs.openSync(logFile(id), 'a');
  const child = spawn(
    'java',
    java('kafka.Kafka', [propsFile(id)], {
      logLevel: 'INFO',
      jvm: [`-Xms${HEAP}`, `-Xmx${HEAP}`, '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'],
    }),
    { detached: true, stdio: ['ignore', out, out], cwd: nodeDir(id) },
  );
  child.unref();
  fs.writeFileSync(pidFile(id), String(child.pid));
  return true;
}

function logTail(id, lines = 40) {
  if (!fs.existsSync(logFile(id))) return '(no log)';
  return fs.readFileSync(logFile(id), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function start(ids = NODE_IDS, { sasl = false, tls = false } = {}) {
  resolveJars();
  ensureDir(DATA_ROOT);
  if (sasl && !saslEnabled()) fs.writeFileSync(saslMarkerFile, 'listener\n');
  if (tls && !tlsEnabled()) createCertificates();
  // A running node started with other properties (e.g. before --sasl) is restarted to pick them up.
  const stale = writeConfigs().filter((id) => ids.includes(id) && runningPid(id));
  if (stale.length) {
    console.log(`Restarting node(s) ${stale.join(', ')} with the new settings...`);
    await stop(stale);
  }
  for (const id of ids) {
    if (!runningPid(id) && (await portInUse(CLIENT_PORT_BASE + id))) {
      fail(`port ${CLIENT_PORT_BASE + id} is in use by another process (another Kafka version's cluster? stop it with its KAFKA_VERSION set)`);
    }
  }
  const started = ids.filter(startNode);
  if (started.length) console.log(`Started node(s) ${started.join(', ')}; waiting for the cluster...`);
  const ready = await waitUntilReady({
    expectedBrokers: NODE_IDS.filter((id) => runningPid(id)).length,
    timeoutMs: 120_000,
    isAlive: () => ids.every((id) => runningPid(id)),
  });
  if (!ready.ok) {
    const dead = ids.filter((id) => !runningPid(id));
    for (const id of dead.length ? dead : ids) console.error(`--- node ${id} (${logFile(id)}) ---\n${logTail(id)}`);
    fail(`cluster did not become ready: ${ready.reason}`);
  }
  console.log(`Kafka ${KAFKA_VERSION} is ready on ${BOOTSTRAP.join(',')} (${ready.brokers} brokers).`);
  if (saslEnabled()) {
    createScramUser();
    console.log(`SASL_PLAINTEXT on ${SASL_BOOTSTRAP.join(',')}: user ${SASL_USER.username}, SCRAM-SHA-512/256 or PLAIN.`);
  }
  if (tlsEnabled())
    console.log(`SSL on ${TLS_BOOTSTRAP.join(',')}: CA ${tlsFile('ca.pem')}, client certificate ${tlsFile('client.crt')} and key ${tlsFile('client.key')}.`);
}

/**
 * SCRAM credentials live in the cluster metadata, so they are created once the cluster is up, and
 * again whenever the cluster no longer has them (a marker file once said "created" for metadata
 * that had lost them: every SCRAM login then failed).
 */
function createScramUser() {
  const described = spawnSync(
    'java',
    java(TOOLS.configs, ['--bootstrap-server', BOOTSTRAP[0], '--describe', '--entity-type', 'users', '--entity-name', SASL_USER.username]),
    {
      encoding: 'utf8',
    },
  );
  if (described.status === 0 && described.stdout.includes('SCRAM-SHA-512') && described.stdout.includes('SCRAM-SHA-256')) return;
  // One mechanism per request: Kafka refuses two changes to one user's credentials at once.
  for (const mechanism of ['SCRAM-SHA-512', 'SCRAM-SHA-256']) {
    const result = spawnSync(
      'java',
      java(TOOLS.configs, [
        '--bootstrap-server',
        BOOTSTRAP[0],
        '--alter',
        '--entity-type',
        'users',
        '--entity-name',
        SASL_USER.username,
        '--add-config',
        `${mechanism}=[password=${SASL_USER.password}]`,
      ]),
      { encoding: 'utf8' },
    );
    if (result.status !== 0) fail(`creating the ${mechanism} user failed:\n${result.stdout}${result.stderr}`);
  }
}

async function stop(ids = NODE_IDS, signal = 'SIGTERM') {
  if (ids === NODE_IDS) stopToolServer();
  const pids = ids.map((id) => [id, runningPid(id)]).filter(([, pid]) => pid);
  for (const [, pid] of pids) process.kill(pid, signal);
  const deadline = Date.now() + 30_000;
  while (pids.some(([id]) => runningPid(id)) && Date.now() < deadline) await sleep(250);
  for (const [id] of pids) {
    const pid = runningPid(id);
    if (pid) process.kill(pid, 'SIGKILL');
  }
  while (pids.some(([id]) => runningPid(id))) await sleep(100);
  for (const [id] of pids) fs.rmSync(pidFile(id), { force: true });
  console.log(pids.length ? `Stopped node(s) ${pids.map(([id]) => id).join(', ')}.` : 'No node was running.');
}

/** Stops the nodes and wipes their data; the resolved jars are kept. */
async function reset() {
  await stopConnect();
  resetConnect();
  await stopRegistry();
  resetRegistry();
  await stop();
  for (const id of NODE_IDS) fs.rmSync(nodeDir(id), { recursive: true, force: true });
  if (DATA_ROOT !== STATE_DIR) fs.rmSync(DATA_ROOT, { recursive: true, force: true });
  fs.rmSync(clusterIdFile, { force: true });
  fs.rmSync(saslMarkerFile, { force: true });
  fs.rmSync(TLS_DIR, { recursive: true, force: true });
  console.log('Cluster data wiped.');
}

function status() {
  for (const id of NODE_IDS) {
    const pid = runningPid(id);
    const sasl = saslEnabled() ? ` (SASL ${SASL_BOOTSTRAP[id]})` : '';
    const tls = tlsEnabled() ? ` (SSL ${TLS_BOOTSTRAP[id]})` : '';
    console.log(`node ${id}  ${BOOTSTRAP[id]}${sasl}${tls}  ${pid ? `running (pid ${pid})` : 'stopped'}`);
  }
  registryStatus();
  connectStatus();
  const running = NODE_IDS.filter((id) => runningPid(id)).length;
  process.exitCode = running === NODE_IDS.length ? 0 : 1;
}

function nodeArg(value) {
  const id = Number(value);
  if (!NODE_IDS.includes(id)) fail(`expected a node id (${NODE_IDS.join(', ')}), got "${value ?? ''}"`);
  return id;
}

async function tool(name, args) {
  const mainClass = TOOLS[name?.replace(/^kafka-/, '').replace(/\.sh$/, '')];
  if (!mainClass) fail(`unknown tool "${name ?? ''}"; one of: ${Object.keys(TOOLS).join(', ')}`);
  resolveJars();
  writeConfigs();
  const hasTarget = args.some((a) => a === '--bootstrap-server' || a === '--bootstrap-controller' || a === '--broker-list');
  const extra = hasTarget || name === 'storage' || name === 'dump-log' ? [] : ['--bootstrap-server', BOOTSTRAP[0]];
  if (process.env.KAFKA_TOOL_SERVER === '1') {
    const status = await runInToolServer((source) => java(source, [], { jvm: ['-Xmx512m', '-XX:TieredStopAtLevel=1'] }), mainClass, [...extra, ...args]);
    if (status !== null) process.exit(status);
  }
  const result = spawnSync('java', java(mainClass, [...extra, ...args]), { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'start':
    await start(NODE_IDS, { sasl: args.includes('--sasl'), tls: args.includes('--tls') });
    // The registry keeps its schemas in the cluster: started once the cluster is ready.
    if (args.includes('--schema-registry')) await startRegistry();
    // Connect keeps its connectors, offsets and statuses in the cluster too.
    if (args.includes('--connect')) await startConnect();
    break;
  case 'stop':
    // The neighbours first, while the cluster can still take their leaving groups.
    await stopConnect();
    await stopRegistry();
    await stop();
    break;
  case 'status':
    status();
    break;
  case 'reset':
    await reset();
    break;
  case 'kill-broker':
    await stop([nodeArg(args[0])], 'SIGKILL');
    break;
  case 'start-broker':
    await start([nodeArg(args[0])]);
    break;
  case 'tool':
    await tool(args[0], args.slice(1));
    break;
  default:
    fail('usage: cluster.mjs start [--sasl] [--tls] [--schema-registry] [--connect]|stop|status|reset|kill-broker N|start-broker N|tool NAME [args]');
}
