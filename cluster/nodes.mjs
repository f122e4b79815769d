// The local 3-node KRaft cluster's layout: where each node lives, its ports and its properties.
// Shared by cluster.mjs (the npm scripts) and the test/seed scripts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const KAFKA_VERSION = process.env.KAFKA_VERSION || '4.3.1';
/** Everything the cluster writes (jars, data, logs, pids) lives here; it is git-ignored. */
export const STATE_DIR = path.join(ROOT, '.cluster');
export const NODE_IDS = [0, 1, 2];
export const RACKS = ['rack-a', 'rack-b', 'rack-c'];
export const CLIENT_PORT_BASE = 19092;
export const CONTROLLER_PORT_BASE = 19095;
export const BOOTSTRAP = NODE_IDS.map((id) => `127.0.0.1:${CLIENT_PORT_BASE + id}`);

export const nodeDir = (id) => path.join(STATE_DIR, `node-${id}`);
export const dataDir = (id) => path.join(nodeDir(id), 'data');
export const logFile = (id) => path.join(nodeDir(id), 'server.log');
export const pidFile = (id) => path.join(nodeDir(id), 'pid');
export const propsFile = (id) => path.join(nodeDir(id), 'server.properties');
export const clusterIdFile = path.join(STATE_DIR, 'cluster-id');

/** Classpath of the Kafka jars: KAFKA_HOME's libs when set, else the ones Maven resolved. */
export function libsDir() {
  if (process.env.KAFKA_HOME) return path.join(process.env.KAFKA_HOME, 'libs');
  return path.join(STATE_DIR, `libs-${KAFKA_VERSION}`);
}

export function serverProperties(id) {
  const voters = NODE_IDS.map((n) => `${n}@127.0.0.1:${CONTROLLER_PORT_BASE + n}`).join(',');
  const clientPort = CLIENT_PORT_BASE + id;
  return [
    'process.roles=broker,controller',
    `node.id=${id}`,
    `controller.quorum.voters=${voters}`,
    `listeners=PLAINTEXT://127.0.0.1:${clientPort},CONTROLLER://127.0.0.1:${CONTROLLER_PORT_BASE + id}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${clientPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `broker.rack=${RACKS[id]}`,
    `log.dirs=${dataDir(id)}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=3',
    'transaction.state.log.replication.factor=3',
    'transaction.state.log.min.isr=2',
    'share.coordinator.state.topic.replication.factor=3',
    'share.coordinator.state.topic.min.isr=2',
    // Kafka's own dev config: no 3 s wait before the first rebalance.
    'group.initial.rebalance.delay.ms=0',
    // Topics exist only when someone creates them: a typo in a tool must not create one.
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

/** Console logging for the JVMs; the node's stdout is redirected to its server.log. */
export function log4jConfig(level) {
  return [
    'status = warn',
    'appender.console.type = Console',
    'appender.console.name = STDOUT',
    level === 'WARN' ? 'appender.console.target = SYSTEM_ERR' : 'appender.console.target = SYSTEM_OUT',
    'appender.console.layout.type = PatternLayout',
    'appender.console.layout.pattern = [%d] %p %m (%c)%n',
    `rootLogger.level = ${level}`,
    'rootLogger.appenderRef.stdout.ref = STDOUT',
    '',
  ].join('\n');
}

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
}
