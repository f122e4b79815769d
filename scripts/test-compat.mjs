#!/usr/bin/env node
// `npm run test:compat`: the integration suite against an older Kafka (3.9.1 unless
// COMPAT_KAFKA_VERSION says otherwise), since many users still run 3.x. Both clusters use the same
// ports, so the default one is stopped for the run and started again afterwards if it was running.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = process.env.COMPAT_KAFKA_VERSION || '3.9.1';
const clusterScript = path.join(ROOT, 'cluster', 'cluster.mjs');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const defaultEnv = { KAFKA_VERSION: '' };
const compatEnv = { KAFKA_VERSION: VERSION };
const defaultWasRunning = run(process.execPath, [clusterScript, 'status'], defaultEnv) === 0;
run(process.execPath, [clusterScript, 'stop'], defaultEnv);

let status = 1;
try {
  console.log(`\n=== Integration tests against Apache Kafka ${VERSION} ===`);
  status = run(process.execPath, [clusterScript, 'start', '--sasl', '--tls'], compatEnv);
  // Left out here: KIP-848 consumer groups (kip848-groups, static-members' second group) and share
  // groups are Kafka 4.x features; the schema registry is a separate server whatever the Kafka version.
  const only = process.argv.slice(2);
  // The schema registry and the Connect worker keep their state on the default cluster and are not
  // started against this one: their tests (schema-registry*, produce-with-schema, connect*) run in the main pass only.
  const kafka4Only = ['kip848-groups', 'static-members', 'share-groups', 'schema-registry', 'schema-registry-api', 'produce-with-schema', 'connect'];
  // Named file by file (full paths, so "groups.test.ts" does not also pick "kip848-groups.test.ts"):
  // a CLI --exclude would be overridden by the projects' own exclude lists.
  const files = fs
    .readdirSync(path.join(ROOT, 'tests', 'integration'))
    .filter((name) => name.endsWith('.test.ts') && !name.startsWith('connect') && !kafka4Only.includes(name.slice(0, -'.test.ts'.length)))
    .map((name) => `tests/integration/${name}`);
  const scope = only.length ? only : files;
  // The cluster-wide files alone first, then the others side by side (as `npm run test:integration`).
  for (const project of ['integration-serial', 'integration']) {
    if (status === 0) status = run(path.join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--project', project, '--passWithNoTests', ...scope], compatEnv);
  }
} finally {
  run(process.execPath, [clusterScript, 'stop'], compatEnv);
  if (defaultWasRunning) run(process.execPath, [clusterScript, 'start'], defaultEnv);
}
process.exit(status);
