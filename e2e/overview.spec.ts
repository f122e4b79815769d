import { expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { kafkaCli, screenshot } from './support';

test('/ redirects to the first cluster, whose overview matches Kafka’s tools', async ({ page }) => {
  const overview = new OverviewPage(page);
  const quorum = kafkaCli('metadata-quorum', 'describe', '--status');
  const leaderId = Number(quorum.match(/^LeaderId:\s+(\d+)/m)?.[1]);
  const clusterId = quorum.match(/^ClusterId:\s+(\S+)/m)?.[1];
  const topicCount = kafkaCli('topics', '--list').split('\n').filter(Boolean).length;
  const partitionCount = kafkaCli('topics', '--describe')
    .split('\n')
    .filter((l) => /\tPartition: \d+/.test(l)).length;

  await test.step('open the dashboard root', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/clusters\/local$/);
    await expect(overview.heading()).toHaveText('local');
  });

  await test.step('see three brokers 0, 1, 2 with racks, and the quorum leader as controller', async () => {
    for (const [nodeId, rack] of [
      [0, 'rack-a'],
      [1, 'rack-b'],
      [2, 'rack-c'],
    ] as const) {
      await expect(overview.brokerRow(nodeId)).toContainText(`127.0.0.1:${19092 + nodeId}`);
      await expect(overview.brokerRow(nodeId)).toContainText(rack);
    }
    await expect(overview.brokerRow(leaderId).getByText('Active controller')).toBeVisible();
    await expect(overview.brokersTable().getByText('Active controller')).toHaveCount(1);
    await expect(overview.stat('Active controller')).toHaveText(String(leaderId));
  });

  await test.step('see the same counts as kafka-topics', async () => {
    await expect(page.getByText(clusterId!)).toBeVisible();
    await expect(overview.stat('Brokers')).toHaveText('3');
    await expect(overview.stat('Topics')).toHaveText(String(topicCount));
    await expect(overview.stat('Partitions')).toHaveText(String(partitionCount));
    await expect(overview.stat('Under-replicated')).toHaveText('0');
    await expect(overview.stat('Offline')).toHaveText('0');
  });
  await screenshot(page, 'overview');
});

test('an unreachable cluster shows a clear state within 10 s, and the switcher moves between clusters', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('local');
  await expect(overview.brokerRow(0)).toBeVisible();

  await overview.clusterSwitcher().selectOption('offline');
  await expect(page).toHaveURL(/\/clusters\/offline$/);
  await expect(overview.unreachableAlert()).toBeVisible({ timeout: 10_000 });
  await expect(overview.unreachableAlert()).toContainText('Retrying');
  await screenshot(page, 'overview-unreachable');

  await overview.clusterSwitcher().selectOption('local');
  await expect(overview.brokerRow(2)).toBeVisible();
});

test('a cluster that refuses the dashboard’s SASL credentials says so, without the password', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('locked');
  await expect(overview.credentialsRefusedAlert()).toContainText('for “locked”', { timeout: 10_000 });
  await expect(overview.credentialsRefusedAlert()).toContainText('authentication failed');
  await expect(page.locator('body')).not.toContainText('not-the-password');
  await screenshot(page, 'overview-auth-failed');
});

test('an unknown cluster shows the not-found page', async ({ page }) => {
  const response = await page.goto('/clusters/no-such-cluster');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('the brokers page lists the brokers and every section is reachable from the header', async ({ page }) => {
  await page.goto('/clusters/local/brokers');
  await expect(page.getByRole('heading', { level: 1, name: 'Brokers' })).toBeVisible();
  await expect(page.getByTestId('broker-1')).toContainText('rack-b');
  await screenshot(page, 'brokers');
  const nav = page.getByRole('navigation', { name: 'Cluster sections' });
  for (const [label, path] of [
    ['Topics', '/topics'],
    ['Consumer groups', '/groups'],
    ['Overview', ''],
  ] as const) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`/clusters/local${path}$`));
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await screenshot(page, `section-${label.toLowerCase().replace(/ /g, '-')}`);
  }
});
