import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ConnectPage } from './pages/connect-page';
import { kafkaCli, screenshot } from './support';

// The create form generated from the plugin's config definition, against the local Connect worker.
const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const name = `e2e-connect-form-${run}`;
const topic = `e2e-connect-form-topic-${run}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-connect-form-'));
const file = path.join(dir, 'lines.txt');

async function workerState(): Promise<string | null> {
  const response = await fetch(`${CONNECT_URL}/connectors/${name}/status`);
  return response.ok ? ((await response.json()) as { connector: { state: string } }).connector.state : null;
}

/** The topic's end offset summed over partitions, from Kafka's own kafka-get-offsets. */
function endOffset(): number {
  return kafkaCli('get-offsets', '--topic', topic)
    .trim()
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.split(':')[2]), 0);
}

test.beforeAll(() => {
  fs.writeFileSync(file, 'alpha\nbeta\ngamma\n');
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '1', '--replication-factor', '1');
});

test.afterAll(async () => {
  await fetch(`${CONNECT_URL}/connectors/${name}`, { method: 'DELETE' }).catch(() => {});
  try {
    kafkaCli('topics', '--delete', '--if-exists', '--topic', topic);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('create a FileStreamSource connector through the generated form, Connect’s errors beside their fields', async ({ page }) => {
  const connect = new ConnectPage(page);

  await test.step('pick the plugin: its definition becomes a grouped form', async () => {
    await connect.open('local');
    await connect.startCreate('connect');
    await page.getByLabel('Connector name', { exact: true }).fill(name);
    await page.getByLabel('Plugin', { exact: true }).selectOption('org.apache.kafka.connect.file.FileStreamSourceConnector');
    await expect(connect.group('Connector').getByRole('textbox', { name: 'file', exact: true })).toBeVisible();
    await expect(connect.field('topic')).toHaveAttribute('aria-required', 'true');
    await expect(connect.field('Tasks max tasks.max')).toHaveAttribute('placeholder', 'default: 1');
    await expect(connect.field('Tasks max tasks.max')).toHaveAccessibleDescription(/Maximum number of tasks/);
    await expect(connect.group('Error Handling')).toBeHidden();
  });

  await test.step('a missing required field and a bad value are refused, each next to its field', async () => {
    await connect.field('file').fill(file);
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(connect.field('topic')).toHaveAccessibleDescription(/Missing required configuration "topic"/);
    await expect(connect.field('topic')).toHaveAttribute('aria-invalid', 'true');
    await expect(connect.configErrors()).toContainText('topic');
    await connect.field('topic').fill(topic);
    await connect.field('Tasks max tasks.max').fill('0');
    await expect(connect.field('Tasks max tasks.max')).toHaveAccessibleDescription(/Value must be at least 1/);
    await expect(connect.field('topic')).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(connect.configErrors().getByRole('listitem')).toHaveCount(1);
    expect(await workerState()).toBeNull();
  });

  await test.step('fixed, the curl command carries only what was typed; it is created and runs', async () => {
    await connect.field('Tasks max tasks.max').fill('1');
    await connect.field('Value converter class value.converter').fill('org.apache.kafka.connect.storage.StringConverter');
    await expect(connect.field('Tasks max tasks.max')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'Connect reports 0 errors' })).toBeVisible();
    await expect(connect.curl()).toContainText(`"file":"${file}"`);
    await expect(connect.curl()).not.toContainText('errors.tolerance');
    await screenshot(page, 'connect-form');
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(connect.state()).toHaveText('RUNNING', { timeout: 30_000 });
    expect(await workerState()).toBe('RUNNING');
    await expect.poll(endOffset, { timeout: 30_000 }).toBe(3);
  });

  await test.step('edit it in the same form: a bad value is refused, a good one saved on the worker', async () => {
    await page.getByRole('link', { name: 'Edit config' }).click();
    await expect(page.getByRole('heading', { name: `Edit connector ${name}` })).toBeVisible();
    await expect(connect.field('topic')).toHaveValue(topic);
    await connect.field('batch.size').fill('lots');
    await expect(connect.field('batch.size')).toHaveAccessibleDescription(/Not a number of type INT/);
    await page.getByRole('button', { name: 'Save config' }).click();
    await expect(connect.configErrors()).toContainText('batch.size');
    await connect.field('batch.size').fill('100');
    await page.getByRole('button', { name: 'Save config' }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    const saved = (await (await fetch(`${CONNECT_URL}/connectors/${name}/config`)).json()) as Record<string, string>;
    expect(saved).toMatchObject({ 'batch.size': '100', topic, file, 'tasks.max': '1' });
  });

  await test.step('the JSON editor shows the same config', async () => {
    await page.goto('/clusters/local/connect/connect/new');
    await expect(page.getByRole('heading', { name: 'Create a connector on connect' })).toBeVisible();
    await page.getByLabel('Plugin', { exact: true }).selectOption('org.apache.kafka.connect.file.FileStreamSinkConnector');
    await page.getByRole('button', { name: 'Edit as JSON' }).click();
    await expect(page.getByLabel('Config JSON')).toHaveValue(/FileStreamSinkConnector/);
    await page.getByLabel('Config JSON').fill('{"connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", "topics": "x", "file": "/tmp/f"}');
    await page.getByRole('button', { name: 'Edit as form' }).click();
    await expect(connect.field('file')).toHaveValue('/tmp/f');
  });

  await test.step('the topic page names the connector that writes it, linked to it', async () => {
    await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
    const connectors = page.getByRole('region', { name: 'Connectors' });
    await expect(connectors).toContainText('Written by source');
    await connectors.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  });

  await test.step('delete it after confirming', async () => {
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('dialog', { name: `Delete connector ${name}?` })
      .getByRole('button', { name: 'Delete connector' })
      .click();
    await expect(page.getByRole('heading', { name: 'Kafka Connect' })).toBeVisible();
    expect(await workerState()).toBeNull();
  });
});
