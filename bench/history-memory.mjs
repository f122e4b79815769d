#!/usr/bin/env node
// The lag history's memory at its full length, without waiting an hour: fills the server's own
// history store (lib/lag-history-store.ts, loaded with jiti) with one hour of samples at the default
// 10 s interval (360) for GROUPS groups of one partition each, and prints the heap it holds, in MB.
// Two kinds: "idle" (lag never moves, as most groups of a large cluster) and "active" (every
// group's log end moves every sample: the worst case). Run by scale.mjs in a child process:
//   node --expose-gc bench/history-memory.mjs <groups> <idle|active>
// HISTORY_STORE=path/to/lag-history-store.ts measures another version of the store (e.g. one from
// `git show <commit>:lib/lag-history-store.ts`, saved under lib/ so its imports resolve).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [groups, kind] = [Number(process.argv[2]), process.argv[3]];
const SAMPLES = 360;
const INTERVAL = 10_000;
const jiti = createJiti(import.meta.url, { alias: { '@': ROOT } });
const { ClusterHistory } = await jiti.import(path.resolve(process.env.HISTORY_STORE || path.join(ROOT, 'lib', 'lag-history-store.ts')));

const records = Array.from({ length: groups }, (_, i) => ({
  groupId: `bench-scale-group-${String(i).padStart(6, '0')}`,
  type: 'classic',
  state: 'Empty',
  protocolType: 'consumer',
  members: [],
  committed: new Map([[`bench-t-${String(i % 20_000).padStart(5, '0')}:0`, 10]]),
  owners: new Map(),
}));
const history = new ClusterHistory();
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
for (let s = 0; s < SAMPLES; s++) {
  const logEnd = new Map(records.map((g) => [g.committed.keys().next().value, kind === 'active' ? 10 + s : 15]));
  history.record(
    { t: 1_000_000 + s * INTERVAL, metadata: { brokers: [], topicMetadata: [] }, groups: records, logEnd, logStart: new Map(), missingBrokers: [] },
    SAMPLES * INTERVAL,
  );
}
const seconds = (performance.now() - started) / 1000;
globalThis.gc();
const held = (process.memoryUsage().heapUsed - before) / 1e6;
if (history.samples(records[0].groupId).length !== SAMPLES) throw new Error('the history did not keep every sample');
process.stdout.write(JSON.stringify({ groups, kind, samples: SAMPLES, heldMB: held, recordSeconds: seconds }));
