// The local 3-node KRaft cluster's layout: where each node lives, its ports and its properties.
// Shared by cluster.mjs (the npm scripts) and the test/seed scripts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_KAFKA_VERSION = '4.3.1';
export const KAFKA_VERSION = process.env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
/**
 * Everything the cluster writes (jars, data, logs, pids) lives here; it is git-ignored. Resolved
 * when it is a link (a git worktree sharing another checkout's cluster): the running processes'
 * command lines name the real paths, and status/start compare against them.
 */
const stateLink = path.join(ROOT, '.cluster');
export const STATE_DIR = fs.existsSync(stateLink) ? fs.realpathSync(stateLink) : stateLink;
/**
 * Node data, logs and pids: another Kafka version (KAFKA_VERSION=3.9.1) gets its own, since a log
 * formatted by a newer Kafka cannot be opened by an older one. Both use the same ports.
 */
export const DATA_ROOT = KAFKA_VERSION === DEFAULT_KAFKA_VERSION ? STATE_DIR : path.join(STATE_DIR, `kafka-${KAFKA_VERSION}`);
export const NODE_IDS = [0, 1, 2];
export const RACKS = ['rack-a', 'rack-b', 'rack-c'];
export const CLIENT_PORT_BASE = 19092;
export const CONTROLLER_PORT_BASE = 19095;
/** `cluster:start -- --sasl` adds a SASL_PLAINTEXT listener here (SCRAM-SHA-512/256 and PLAIN). */
export const SASL_PORT_BASE = 19192;
export const SASL_USER = { username: 'admin', password: 'admin-secret' };
/** `cluster:start -- --tls` adds an SSL listener here that requires a client certificate (mutual TLS). */
export const TLS_PORT_BASE = 19292;
export const BOOTSTRAP = NODE_IDS.map((id) => `127.0.0.1:${CLIENT_PORT_BASE + id}`);
export const SASL_BOOTSTRAP = NODE_IDS.map((id) => `127.0.0.1:${SASL_PORT_BASE + id}`);
export const TLS_BOOTSTRAP = NODE_IDS.map((id) => `127.0.0.1:${TLS_PORT_BASE + id}`);

export const nodeDir = (id) => path.join(DATA_ROOT, `node-${id}`);
export const dataDir = (id) => path.join(nodeDir(id), 'data');
export const logFile = (id) => path.join(nodeDir(id), 'server.log');
export const pidFile = (id) => path.join(nodeDir(id), 'pid');
export const propsFile = (id) => path.join(nodeDir(id), 'server.properties');
export const clusterIdFile = path.join(DATA_ROOT, 'cluster-id');
/** Present once the cluster was started with --sasl: later starts keep the listener (reset drops it). */
export const saslMarkerFile = path.join(DATA_ROOT, 'sasl');
/** The local CA, the brokers' and the dashboard's certificates (PEM), made by the first --tls start. */
export const TLS_DIR = path.join(STATE_DIR, 'tls');
export const tlsFile = (name) => path.join(TLS_DIR, name);

/** Classpath of the Kafka jars: KAFKA_HOME's libs when set, else the ones Maven resolved. */
export function libsDir() {
  if (process.env.KAFKA_HOME) return path.join(process.env.KAFKA_HOME, 'libs');
  return path.join(STATE_DIR, `libs-${KAFKA_VERSION}`);
}

/**
 * The SASL_PLAINTEXT listener's settings: SCRAM users live in the cluster metadata (created by
 * cluster.mjs once the cluster is up); PLAIN users are listed in the JAAS line itself.
 */
function saslProperties() {
  const scram = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  return [
    'sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256,PLAIN',
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${scram}`,
    `listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=${scram}`,
    'listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required ' +
      `user_${SASL_USER.username}="${SASL_USER.password}";`,
  ];
}

/** The SSL listener's settings: PEM files, and a client certificate signed by the local CA required. */
function tlsProperties() {
  return [
    'listener.name.ssl.ssl.client.auth=required',
    'listener.name.ssl.ssl.keystore.type=PEM',
    `listener.name.ssl.ssl.keystore.location=${tlsFile('broker.pem')}`,
    'listener.name.ssl.ssl.truststore.type=PEM',
    `listener.name.ssl.ssl.truststore.location=${tlsFile('ca.pem')}`,
  ];
}

export function serverProperties(id, { sasl = false, tls = false } = {}) {
  const voters = NODE_IDS.map((n) => `${n}@127.0.0.1:${CONTROLLER_PORT_BASE + n}`).join(',');
  const clientPort = CLIENT_PORT_BASE + id;
  const listeners = [`PLAINTEXT://127.0.0.1:${clientPort}`];
  if (sasl) listeners.push(`SASL_PLAINTEXT://127.0.0.1:${SASL_PORT_BASE + id}`);
  if (tls) listeners.push(`SSL://127.0.0.1:${TLS_PORT_BASE + id}`);
  return [
    'process.roles=broker,controller',
    `node.id=${id}`,
    `controller.quorum.voters=${voters}`,
    `listeners=${listeners.join(',')},CONTROLLER://127.0.0.1:${CONTROLLER_PORT_BASE + id}`,
    `advertised.listeners=${listeners.join(',')}`,
    'controller.listener.names=CONTROLLER',
    // Brokers talk to each other in plaintext: the SASL and SSL listeners are for clients under test.
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL',
    ...(sasl ? saslProperties() : []),
    ...(tls ? tlsProperties() : []),
    // Kafka's real authorizer, so ACLs are enforced wherever the dashboard is tested. Resources
    // without ACLs stay open; the local PLAINTEXT listener (ANONYMOUS, also the controllers' and
    // brokers' own principal), the SASL admin and the dashboard's TLS certificate are super users.
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=true',
    `super.users=User:ANONYMOUS;User:${SASL_USER.username};User:CN=kafka-dashboard`,
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
