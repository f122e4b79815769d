#!/usr/bin/env node
// `npm start`: the whole dashboard on one command. With no cluster configured it starts the local
// 3-broker cluster with its schema registry and Kafka Connect worker (one example connector) and
// seeds demo data once; it builds the app when the build is missing or older than the sources,
// then serves the production app on PORT (default 3000).
import { spawnSync, spawn } from 'node:child_process';
import { ROOT } from '../cluster/nodes.mjs';
import { REGISTRY_URL } from '../cluster/schema-registry.mjs';
import { CONNECT_URL, createDemoConnector } from '../cluster/connect.mjs';
import { buildIfStale } from './build-if-stale.mjs';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const external = Boolean(process.env.KAFKA_CLUSTERS?.trim() || process.env.KAFKA_BROKERS?.trim());
if (external) {
  console.log('Using the configured cluster(s); the local cluster is left alone.');
} else {
  run(process.execPath, ['cluster/cluster.mjs', 'start', '--schema-registry', '--connect']);
  run(process.execPath, ['scripts/seed-demo.mjs', '--avro']);
  process.env.SCHEMA_REGISTRY_URL ||= REGISTRY_URL;
  await createDemoConnector();
  process.env.KAFKA_CONNECT_URL ||= CONNECT_URL;
}
if (buildIfStale() !== 0) process.exit(1);

const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';
if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !process.env.AUTH_USERS?.trim()) {
  console.warn(`WARNING: listening on ${host} without AUTH_USERS: anyone who can reach it can change the clusters. Set AUTH_USERS or READ_ONLY=true.`);
}
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'server/index.mjs'], {
  stdio: 'inherit',
  cwd: ROOT,
  env: { ...process.env, PORT: port, HOST: host },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
