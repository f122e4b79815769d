import { expect, test } from '@playwright/test';
import { kafkaCli, screenshot } from './support';

// Group ids, keys, values and headers are free text: they must render inert everywhere.
const GROUP = `evil<img src=x onerror="window.__pwned=1">%41-${Date.now()}`;
const TOPIC = `e2e-hostile-${Date.now()}`;

test.beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', TOPIC, '--partitions', '1', '--replication-factor', '1');
  kafkaCli('consumer-groups', '--reset-offsets', '--group', GROUP, '--topic', TOPIC, '--to-earliest', '--execute');
});

test.afterAll(() => {
  kafkaCli('consumer-groups', '--delete', '--group', GROUP);
  kafkaCli('topics', '--delete', '--topic', TOPIC);
});

const pwned = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

test('a group id carrying HTML shows as text in the list, on its page and on the topic’s Consumers tab', async ({ page }) => {
  await page.goto(`/clusters/local/groups?q=${encodeURIComponent('onerror')}`);
  const link = page.getByRole('link', { name: GROUP });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP);
  await expect(page.getByTestId(`offset-${TOPIC}-0`)).toBeVisible();
  await screenshot(page, 'hostile-group');
  // The same page opened directly (server-rendered), not by a client-side navigation.
  await page.goto(`/clusters/local/groups/${encodeURIComponent(GROUP)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP);
  await page.goto(`/clusters/local/topics/${TOPIC}?tab=consumers`);
  await expect(page.getByRole('table', { name: 'Consumer groups of this topic' }).getByRole('link', { name: GROUP })).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
});
