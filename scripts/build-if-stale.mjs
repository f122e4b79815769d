#!/usr/bin/env node
// Builds the production app (`next build`) unless the build is newer than every source it is made
// from. `npm start`, the server-level tests and the e2e tests share one build this way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'server',
  'proxy.ts',
  'instrumentation.ts',
  'package.json',
  'package-lock.json',
  'next.config.js',
  'tsconfig.json',
  'postcss.config.mjs',
];

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function buildIsStale() {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const sources = SOURCES.map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p));
  return Math.max(...sources.map(newestMtime)) > fs.statSync(buildId).mtimeMs;
}

export function buildIfStale() {
  if (!buildIsStale()) return 0;
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: 'inherit', cwd: ROOT }).status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(buildIfStale());
