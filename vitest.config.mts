import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // 'server-only' throws outside Next's server bundle; tests run on the server side anyway.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
};

/**
 * Integration files that compare the whole cluster before and after (no stray topic or group),
 * count everything on it, judge its health, or change cluster-wide settings.
 */
/**
 * Dashboards started by tests keep lag history in their own memory (LAG_HISTORY_TOPIC empty), as
 * each had it before issue 16: the shared history topic and sampler election are exercised by
 * tests/server/lag-history-shared.test.ts with names of its own, and tests of one process must not
 * take part in an election with whatever else runs on the shared cluster.
 */
const OWN_HISTORY = { LAG_HISTORY_TOPIC: '' };

const CLUSTER_WIDE = [
  'tests/integration/bad-input.test.ts',
  'tests/integration/cluster-overview.test.ts',
  'tests/integration/overview-health.test.ts',
  // Its tail must leave no consumer group anywhere on the cluster: compared with the whole list.
  'tests/integration/messages.test.ts',
  // Compares cluster-wide gauges (under-replicated partitions) with kafka-topics at one moment.
  'tests/integration/metrics.test.ts',
  // Counts every partition's leader and replicas per broker, as kafka-topics --describe lists them all
  // (a topic deleted meanwhile by a file beside it made the tool fail on Kafka 3.9.1).
  'tests/integration/brokers.test.ts',
  // Sets the global default client id's quota, which every client without its own quota gets.
  'tests/integration/quota-defaults.test.ts',
  // Lag status over 3 s windows: on a machine loaded by the files beside it (load average 20 on 2
  // cores) its consumers really fall behind for a window, and "lagging" is then the right answer.
  'tests/integration/lag-status.test.ts',
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          // The browser side (hooks, the tail hook, forms) in a simulated DOM, with only `fetch` and
          // `EventSource` faked: *.test.tsx beside the code (*.test.ts beside it is `unit`).
          name: 'browser',
          environment: 'happy-dom',
          include: ['lib/**/*.test.tsx', 'components/**/*.test.tsx'],
          setupFiles: ['tests/support/browser-setup.ts'],
          // Typing into forms event by event takes seconds on the shared 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // One real cluster shared by files that each keep to their own topics, groups and users:
          // they run side by side (most of their time is spent waiting on Kafka, not on the CPU).
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          exclude: CLUSTER_WIDE,
          env: OWN_HISTORY,
          maxWorkers: 3,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Files that look at the whole cluster (every topic and group, its health) or change
          // cluster-wide settings: alone, one after another, before the others start.
          name: 'integration-serial',
          environment: 'node',
          include: CLUSTER_WIDE,
          env: OWN_HISTORY,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Real server instances (server/index.mjs on the production build) with their own settings.
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          env: OWN_HISTORY,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Brokers are killed and restarted under live tails, uploads and pages: `npm run test:chaos`.
          name: 'chaos',
          environment: 'node',
          include: ['tests/chaos/**/*.test.ts'],
          env: OWN_HISTORY,
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
