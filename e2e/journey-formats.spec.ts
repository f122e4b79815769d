import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';
import { screenshot } from './support';
import { createTopicsWithLeaders } from '../tests/support/topics';

// What real producers write, as the page shows it: zstd batches from kcat arriving live, and a Java
// transactional producer's committed and aborted records under both isolation levels.
const BOOTSTRAP = '127.0.0.1:19092';
const kafka = new Kafka({ clientId: 'e2e-formats', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
const PRODUCER = path.resolve('tests', 'support', 'java', 'TransactionalProducer.java');
/** The cluster's jars, as the cluster script lays them out (an ES module Playwright's loader cannot import here). */
const libsDir = () =>
  execFileSync(process.execPath, ['-e', "import('./cluster/nodes.mjs').then((m) => process.stdout.write(m.libsDir()))"], { encoding: 'utf8' });
/** 200+ bytes: librdkafka leaves small batches uncompressed. */
const line = (i: number) => `zstd-${i}:value ${i} ${'lorem ipsum dolor sit amet '.repeat(10)}`;

test.describe('messages from real producers', () => {
  const run = Date.now();
  const zstd = `e2e-formats-zstd-${run}`;
  const transactional = `e2e-formats-tx-${run}`;
  const admin = kafka.admin();

  test.beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [
      { topic: zstd, numPartitions: 2, replicationFactor: 1 },
      { topic: transactional, numPartitions: 1, replicationFactor: 1 },
    ]);
  });

  test.afterAll(async () => {
    await admin.deleteTopics({ topics: [zstd, transactional] }).catch(() => {});
    await admin.disconnect();
  });

  test('a live tail shows zstd batches written by kcat as they arrive', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', zstd);
    await expect(messages.counters()).toContainText('Waiting for messages');
    const input = `${Array.from({ length: 6 }, (_, i) => line(i)).join('\n')}\n`;
    execFileSync('kcat', ['-b', BOOTSTRAP, '-P', '-t', zstd, '-p', '0', '-z', 'zstd', '-K', ':'], { input });
    await expect(messages.rows()).toHaveCount(6);
    // Live: newest first.
    await expect(messages.rows().first().getByTestId('message-key')).toHaveText('zstd-5');
    await expect(messages.rows().last().getByTestId('message-value')).toHaveText(line(0).slice(line(0).indexOf(':') + 1));
    await screenshot(page, 'formats-zstd-live');
  });

  test("aborted records are marked, and read_committed leaves them out, as Kafka's own consumer would", async ({ page }) => {
    const java = (outcome: string, prefix: string, count: number) =>
      execFileSync('java', ['-cp', path.join(libsDir(), '*'), PRODUCER, BOOTSTRAP, transactional, outcome, prefix, String(count)], { stdio: 'ignore' });
    java('commit', `c${run}`, 3);
    java('abort', `a${run}`, 2);
    const messages = new MessagesPage(page);
    await messages.goto('local', transactional, '?from=earliest');
    await expect(messages.rows()).toHaveCount(5);
    await expect(page.locator('[data-badge="aborted"]')).toHaveCount(2);
    await expect(messages.rows().nth(3).locator('[data-badge="aborted"]')).toBeVisible();
    await expect(messages.rows().nth(0).locator('[data-badge="aborted"]')).toHaveCount(0);
    await screenshot(page, 'formats-transactions');

    await page.getByLabel('Isolation').selectOption('read_committed');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page).toHaveURL(/isolation=read_committed/);
    await expect(messages.rows()).toHaveCount(3);
    await expect(page.locator('[data-badge="aborted"]')).toHaveCount(0);
    await expect(messages.rows().getByTestId('message-key')).toHaveText([`c${run}-0`, `c${run}-1`, `c${run}-2`]);
  });
});
