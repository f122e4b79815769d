import 'server-only';
import fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Kafka, logLevel, type Admin, type KafkaConfig, type SASLOptions } from 'kafkajs';
import { getClusters, type ClusterConfig } from '@/lib/config';
import { ApiError, isAuthenticationError, isConnectionError, notFound, toApiError } from './errors';
import { createProducer, type Producer } from './producer';
import { createProtocolCluster, type ProtocolCluster } from './protocol';

/** Everything the server holds for one cluster: built once and reused across requests. */
interface ClusterClients {
  config: ClusterConfig;
  /** The kafkajs settings, plain data: the tail's worker threads make their own clients from them. */
  kafkaConfig: KafkaConfig;
  kafka: Kafka;
  admin: Promise<Admin>;
  protocol: Promise<ProtocolCluster>;
  /** Built on first use: most dashboards only read. */
  producer?: Promise<Producer>;
  /** Connections for work no request waits on, built on first use (withCluster's `protocolFor(true)`). */
  background?: Promise<ProtocolCluster>;
}

// Kept on globalThis so a dev-server hot reload reuses the connections instead of leaking them.
const registry = ((globalThis as { __kafkaClients?: Map<string, ClusterClients> }).__kafkaClients ??= new Map());

/** Reads a file named in the cluster's settings; an unreadable one is a 503 naming the setting, never its content. */
function readSetting(cluster: string, setting: string, file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ApiError('CLUSTER_CONFIG_INVALID', `Cluster "${cluster}": cannot read ${setting} ${file} (${reason})`);
  }
}

function sslOptions(config: ClusterConfig): KafkaConfig['ssl'] {
  const { ssl, name } = config;
  if (!ssl || ssl === true) return ssl;
  const options: ConnectionOptions = {
    ca: readSetting(name, 'ssl.caFile', ssl.caFile),
    cert: readSetting(name, 'ssl.certFile', ssl.certFile),
    key: readSetting(name, 'ssl.keyFile', ssl.keyFile),
    rejectUnauthorized: ssl.rejectUnauthorized ?? true,
  };
  return options;
}

function saslOptions(config: ClusterConfig): SASLOptions | undefined {
  const { sasl, name } = config;
  if (!sasl) return undefined;
  const password =
    sasl.password ?? (sasl.passwordEnv ? process.env[sasl.passwordEnv] : undefined) ?? readSetting(name, 'sasl.passwordFile', sasl.passwordFile)?.trim() ?? '';
  return { mechanism: sasl.mechanism, username: sasl.username, password } as SASLOptions;
}

function build(config: ClusterConfig): ClusterClients {
  const kafkaConfig: KafkaConfig = {
    clientId: 'kafka-dashboard',
    brokers: config.brokers,
    ssl: sslOptions(config),
    sasl: saslOptions(config),
    // Fail fast: an unreachable cluster must show as such within seconds, not hang a page.
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 1, initialRetryTime: 300, maxRetryTime: 1000 },
    logLevel: logLevel.NOTHING,
  };
  // A copy: kafkajs adds functions to the SASL settings it is given, and these must stay plain data.
  const kafka = new Kafka(structuredClone(kafkaConfig));
  const admin = (async () => {
    const client = kafka.admin();
    await client.connect();
    return client;
  })();
  const protocol = createProtocolCluster(kafka);
  // Avoid unhandled rejections: callers see the failure when they await.
  admin.catch(() => {});
  protocol.catch(() => {});
  return { config, kafkaConfig, kafka, admin, protocol };
}

/** The configured cluster called `name`, or a 404 ApiError. */
export function clusterConfig(name: string): ClusterConfig {
  const config = getClusters().find((c) => c.name === name);
  if (!config) throw notFound('CLUSTER_NOT_FOUND', `No cluster named "${name}" is configured`);
  return config;
}

function clientsFor(name: string): ClusterClients {
  const config = clusterConfig(name);
  let clients = registry.get(name);
  if (!clients) {
    clients = build(config);
    registry.set(name, clients);
  }
  return clients;
}

/** Drops a cluster's clients after a connection failure, so the next request reconnects from scratch. */
async function discard(name: string, clients: ClusterClients) {
  if (registry.get(name) !== clients) return;
  registry.delete(name);
  await Promise.allSettled([
    clients.admin.then((a) => a.disconnect()),
    clients.protocol.then((p) => p.disconnect()),
    clients.producer?.then((p) => p.disconnect()),
    clients.background?.then((p) => p.disconnect()),
  ]);
}

/** The cluster's client `key`, made on first use; made again on the next use if making it failed. */
function madeOnce<K extends 'producer' | 'background'>(clients: ClusterClients, key: K, make: () => NonNullable<ClusterClients[K]>) {
  const existing = clients[key];
  if (existing) return existing as NonNullable<ClusterClients[K]>;
  const made = make();
  clients[key] = made;
  made.catch(() => {
    if (clients[key] === made) clients[key] = undefined;
  });
  return made;
}

/**
 * Runs `work` with the cluster's shared clients; kafkajs errors come out as ApiErrors, and a
 * connection or authentication failure resets the clients so the dashboard recovers without a restart.
 */
export async function withCluster<T>(
  name: string,
  work: (clients: {
    admin: Admin;
    protocol: ProtocolCluster;
    kafka: Kafka;
    kafkaConfig: KafkaConfig;
    producer: () => Promise<Producer>;
    /** The shared connections, or with `background` (work no request waits on) connections of its own. */
    protocolFor: (background: boolean) => Promise<ProtocolCluster>;
  }) => Promise<T>,
): Promise<T> {
  const clients = clientsFor(name);
  // Idempotent: a retried batch is never written twice, so upload counts stay exact. Its own
  // connections: a broker answers one request per connection at a time, so a Produce waiting for
  // its acks must not queue behind a live tail's long-poll Fetch, nor the other way round.
  const producer = () => madeOnce(clients, 'producer', () => createProtocolCluster(clients.kafka).then(createProducer));
  // A broker answers one request per connection at a time. A sample of every group sends hundreds
  // of DescribeGroups and OffsetFetch at once (three per 500 groups and broker): on the shared
  // connections a page's Metadata queued behind them all, and with 100,000 groups waited seconds.
  // A cache's refresh in the background (a Metadata of 20,000 topics) held up the rows of the page
  // that set it off by 200–300 ms. Such work has connections of its own.
  const backgroundProtocol = () => madeOnce(clients, 'background', () => createProtocolCluster(clients.kafka));
  try {
    const [admin, protocol] = await Promise.all([clients.admin, clients.protocol]);
    const protocolFor = async (background: boolean) => (background ? backgroundProtocol() : protocol);
    return await work({ admin, protocol, kafka: clients.kafka, kafkaConfig: clients.kafkaConfig, producer, protocolFor });
  } catch (error) {
    // A refused login is not cached either: a fixed password file or secret is read on the next request.
    if (isConnectionError(error) || isAuthenticationError(error)) void discard(name, clients);
    throw toApiError(error, name);
  }
}
