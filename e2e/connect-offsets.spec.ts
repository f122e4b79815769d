import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ConnectPage } from './pages/connect-page';
import { fileSourceConfig } from '../tests/support/connect-configs';
import { kafkaCli } from './support';

// Needs the local Connect worker (`cluster:start -- --connect`), configured for "local" in playwright.config.ts.
const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const name = `e2e-connect-offsets-${run}`;
const topic = `e2e-connect-offsets-${run}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-connect-offsets-'));
const file = path.join(dir, 'lines.txt');

/** The connector's offsets as the worker itself reports them. */
async function workerOffsets(): Promise<unknown[]> {
  const response = await fetch(`${CONNECT_URL}/connectors/${name}/offsets`);
  return ((await response.json()) as { offsets: unknown[] }).offsets;
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

test("stop a FileStreamSource from its page and reset its offsets there, checked on the worker's own offsets", async ({ page, request }) => {
  const connect = new ConnectPage(page);
  const offsets = page.getByRole('region', { name: 'Offsets' });

  await test.step('create it through the API and open its page: offsets cannot change while it runs', async () => {
    const created = await request.post('/api/clusters/local/connect/connect/connectors', {
      data: {
        name,
        config: fileSourceConfig(file, topic),
      },
    });
    expect(created.status()).toBe(201);
    await page.goto(`/clusters/local/connect/connect/connectors/${name}`);
    await expect(connect.state()).toHaveText('RUNNING', { timeout: 30_000 });
    await expect(offsets.getByRole('button', { name: 'Reset offsets…' })).toBeDisabled();
    await expect(offsets.getByRole('button', { name: 'Alter offsets…' })).toBeDisabled();
    await expect(offsets).toContainText('only while the connector is STOPPED (it is RUNNING)');
  });

  await test.step('stop it from the page: its offsets (the whole file read) show', async () => {
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(connect.state()).toHaveText('STOPPED', { timeout: 30_000 });
    // The task commits its offsets as it stops, a moment after the state changes: read again until it has.
    await expect(async () => {
      await offsets.getByRole('button', { name: 'Refresh' }).click();
      await expect(offsets.getByRole('listitem')).toHaveText(`{"filename":"${file}"} → {"position":14}`, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    expect(await workerOffsets()).toEqual([{ partition: { filename: file }, offset: { position: 14 } }]);
  });

  await test.step('reset them after confirming: the page and the worker have none', async () => {
    await offsets.getByRole('button', { name: 'Reset offsets…' }).click();
    await page
      .getByRole('dialog', { name: `Reset the offsets of ${name}?` })
      .getByRole('button', { name: 'Reset offsets' })
      .click();
    await expect(offsets.getByRole('status')).toContainText(/offsets/i);
    await expect(offsets).toContainText('No offsets committed yet.');
    expect(await workerOffsets()).toEqual([]);
  });

  await test.step('delete it after confirming', async () => {
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('dialog', { name: `Delete connector ${name}?` })
      .getByRole('button', { name: 'Delete connector' })
      .click();
    await expect(page.getByRole('heading', { name: 'Kafka Connect' })).toBeVisible();
    expect((await fetch(`${CONNECT_URL}/connectors/${name}`)).status).toBe(404);
  });
});
