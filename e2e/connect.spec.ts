import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ConnectPage } from './pages/connect-page';
import { kafkaCli, screenshot } from './support';

// Needs the local Connect worker (`cluster:start -- --connect`), configured for "local" in playwright.config.ts.
const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const name = `e2e-connect-${run}`;
const topic = `e2e-connect-topic-${run}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-connect-'));
const file = path.join(dir, 'lines.txt');

/** The connector's state as the worker itself reports it, or null once it is gone. */
async function workerState(): Promise<string | null> {
  const response = await fetch(`${CONNECT_URL}/connectors/${name}/status`);
  return response.ok ? ((await response.json()) as { connector: { state: string } }).connector.state : null;
}

test.beforeAll(() => {
  fs.writeFileSync(file, 'one\ntwo\nthree\n');
});

test.afterAll(async () => {
  // Whatever the test got to, neither its connector, its topic nor its file stays behind.
  await fetch(`${CONNECT_URL}/connectors/${name}`, { method: 'DELETE' }).catch(() => {});
  try {
    kafkaCli('topics', '--delete', '--if-exists', '--topic', topic);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('create a FileStreamSource connector from the page, watch it run, pause it and delete it', async ({ page }) => {
  const connect = new ConnectPage(page);
  const config = {
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    'tasks.max': 'many',
    file,
    topic,
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'topic.creation.default.replication.factor': '1',
    'topic.creation.default.partitions': '1',
  };

  await test.step('open the create form from the Connect section', async () => {
    await connect.open('local');
    await connect.startCreate('connect');
  });

  await test.step('a bad value is refused by Connect, against its field', async () => {
    await connect.fillConnector(name, config);
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(connect.configErrors()).toContainText('tasks.max');
    await expect(connect.configErrors()).toContainText('Invalid value many');
    await expect(connect.configErrors().getByRole('listitem')).toHaveCount(1);
    expect(await workerState()).toBeNull();
  });

  await test.step('fixed, it is created and runs; the curl command shows the same body', async () => {
    await connect.fillConnector(name, { ...config, 'tasks.max': '1' });
    await expect(connect.curl()).toContainText(`curl -X POST`);
    await expect(connect.curl()).toContainText(`"name":"${name}"`);
    await expect(connect.curl()).toContainText(`'${CONNECT_URL}/connectors'`);
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(connect.state()).toHaveText('RUNNING', { timeout: 30_000 });
    expect(await workerState()).toBe('RUNNING');
    await expect(page.getByRole('region', { name: 'Topics' }).getByRole('link', { name: topic })).toBeVisible({ timeout: 30_000 });
    await screenshot(page, 'connect-connector');
  });

  await test.step('pause it: the page and the worker say PAUSED', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(connect.state()).toHaveText('PAUSED', { timeout: 30_000 });
    expect(await workerState()).toBe('PAUSED');
  });

  await test.step('the list shows it paused', async () => {
    await connect.open('local');
    await expect(connect.connectorLink('connect', name)).toBeVisible();
    await connect.section('connect').getByLabel('State filter of connect').selectOption('PAUSED');
    await expect(connect.connectorLink('connect', name)).toBeVisible();
    await connect.section('connect').getByLabel('State filter of connect').selectOption('RUNNING');
    await expect(connect.connectorLink('connect', name)).toHaveCount(0);
    await connect.section('connect').getByLabel('State filter of connect').selectOption('');
    await connect.connectorLink('connect', name).click();
  });

  await test.step('delete it after confirming', async () => {
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('dialog', { name: `Delete connector ${name}?` })
      .getByRole('button', { name: 'Delete connector' })
      .click();
    await expect(page.getByRole('heading', { name: 'Kafka Connect' })).toBeVisible();
    await expect(connect.connectorLink('connect', name)).toHaveCount(0);
    expect(await workerState()).toBeNull();
  });
});
