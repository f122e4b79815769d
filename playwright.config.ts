import { randomBytes, scryptSync } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// E2E_PORT/E2E_AUTH_PORT let two checkouts run their e2e suites side by side.
const PORT = Number(process.env.E2E_PORT || 3100);
/**
 * The real local cluster, one that cannot be reached, and the local SASL listener with a wrong
 * password (`cluster:start -- --sasl`), to see the unreachable and refused states.
 */
const E2E_CLUSTERS = JSON.stringify([
  {
    name: 'local',
    brokers: ['127.0.0.1:19092', '127.0.0.1:19093', '127.0.0.1:19094'],
    schemaRegistry: { url: 'http://127.0.0.1:18081/apis/ccompat/v7' },
    connect: [{ name: 'connect', url: 'http://127.0.0.1:18083' }],
  },
  { name: 'offline', brokers: ['127.0.0.1:19199'] },
  { name: 'locked', brokers: ['127.0.0.1:19192'], sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'not-the-password' } },
]);

/** A second server with login on, for the auth journey (e2e/auth.spec.ts). */
export const AUTH_PORT = Number(process.env.E2E_AUTH_PORT || 3101);
const hash = (password: string) => {
  const salt = randomBytes(16);
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$');
};
const AUTH_USERS = JSON.stringify([
  { username: 'admin', role: 'admin', passwordHash: hash('admin-secret') },
  { username: 'viewer', role: 'viewer', passwordHash: hash('viewer-secret') },
]);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: `npx playwright install` cannot download a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: 'node server/index.mjs',
      url: `http://127.0.0.1:${PORT}/api/clusters`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Lag sampled every second so charts fill within the test's time, each server keeping its own
      // history in memory: checkouts side by side must not elect one another's sampler (the shared
      // history topic is tested by tests/server/lag-history-shared.test.ts, with names of its own).
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        KAFKA_CLUSTERS: E2E_CLUSTERS,
        NEXT_TELEMETRY_DISABLED: '1',
        LAG_SAMPLE_INTERVAL_MS: '1000',
        LAG_HISTORY_TOPIC: '',
      },
    },
    {
      command: 'node server/index.mjs',
      url: `http://127.0.0.1:${AUTH_PORT}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(AUTH_PORT), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', AUTH_USERS, LAG_HISTORY_TOPIC: '' },
    },
  ],
});
