import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { OverviewPage } from './pages/overview-page';
import { kafkaCli, screenshot } from './support';
import { createTopicsWithLeaders } from '../tests/support/topics';

// Issue 12, "Errors and polish": error pages, the overview's verdict, the create form, deletes,
// breadcrumbs, the favicon and "forever" in config tables.
const kafka = new Kafka({ clientId: 'e2e-polish', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });

const notFoundPage = async (page: Page, path: string, heading: string) => {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  // Never the cluster-unreachable state, not even for a moment after hydration.
  await page.waitForTimeout(1500);
  await expect(page.getByText('Failed to load cluster')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
};

test('missing brokers, topics, groups, clusters and pages get a styled 404; the API a 404 JSON error', async ({ page, request }) => {
  const run = Date.now();
  await test.step('a broker that does not exist, and one that is not a node id', async () => {
    await notFoundPage(page, '/clusters/local/brokers/99', 'No such broker');
    await expect(page.getByText('No broker with node id 99')).toBeVisible();
    await screenshot(page, 'polish-no-such-broker');
    await notFoundPage(page, '/clusters/local/brokers/abc', 'No such broker');
  });
  await test.step('a topic and a consumer group that do not exist', async () => {
    await notFoundPage(page, `/clusters/local/topics/e2e-missing-${run}`, 'No such topic');
    await expect(page.getByText(`e2e-missing-${run}`)).toBeVisible();
    await notFoundPage(page, `/clusters/local/groups/e2e-missing-${run}`, 'No such consumer group');
    await expect(page.getByText(`e2e-missing-${run}`)).toBeVisible();
  });
  await test.step('an unknown cluster and a made-up path', async () => {
    await notFoundPage(page, '/clusters/nope/topics', 'Not found');
    await notFoundPage(page, '/nonsense', 'Not found');
    await notFoundPage(page, '/clusters/local/nonsense/deeper', 'Not found');
  });
  await test.step('malformed percent-encoding: the front server’s styled 400 page', async () => {
    const response = await page.goto('/clusters/local/topics/%ZZ');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'Bad request' })).toBeVisible();
  });
  await test.step('the API answers 404 JSON for each', async () => {
    for (const [path, code] of [
      ['/api/clusters/local/brokers/99', 'BROKER_NOT_FOUND'],
      [`/api/clusters/local/topics/e2e-missing-${run}`, 'TOPIC_NOT_FOUND'],
      [`/api/clusters/local/groups/e2e-missing-${run}`, 'GROUP_NOT_FOUND'],
      ['/api/clusters/nope/topics', 'CLUSTER_NOT_FOUND'],
      ['/api/nonsense', 'NOT_FOUND'],
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect((await response.json()).error.code, path).toBe(code);
    }
  });
});

test('the overview gives one health verdict, the Kafka version, linked cards and an online column', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('local');
  await test.step('a healthy cluster says so, with the version Kafka reports', async () => {
    await expect(page.getByTestId('health-verdict')).toHaveText(/^Healthy/);
    const features = kafkaCli('features', 'describe');
    const metadataVersion = features.match(
      /Feature: metadata\.version\s+SupportedMinVersion: \S+\s+SupportedMaxVersion: \S+\s+FinalizedVersionLevel: (\d+\.\d+)-IV\d+/,
    )?.[1];
    expect(metadataVersion).toBeTruthy();
    await expect(overview.stat('Kafka')).toHaveText(metadataVersion!);
  });
  await test.step('every broker is online', async () => {
    for (const nodeId of [0, 1, 2]) await expect(overview.brokerRow(nodeId).getByRole('cell').nth(3)).toHaveText('online');
  });
  await screenshot(page, 'polish-overview');
  await test.step('the cards lead to their lists', async () => {
    const cards = page.locator('dl');
    await cards.getByRole('link', { name: 'Topics', exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/local\/topics\?internal=true$/);
    await page.goBack();
    await cards.getByRole('link', { name: 'Under-replicated' }).click();
    await expect(page).toHaveURL(/\/clusters\/local\/topics\?sort=underReplicatedPartitions&dir=desc&internal=true$/);
    await page.goBack();
    await cards.getByRole('link', { name: 'Brokers', exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/local\/brokers$/);
  });
});

test('the create form checks as you type, warns of collisions and min ISR, and its command wraps and copies', async ({ page, context }) => {
  const run = Date.now();
  const existing = `e2e_polish.${run}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(admin, [{ topic: existing, numPartitions: 1, replicationFactor: 1 }]);
    await page.goto('/clusters/local/topics/new');
    const name = page.getByRole('textbox', { name: 'Topic name' });
    const partitions = page.getByRole('spinbutton', { name: 'Partitions' });
    const replication = page.getByRole('spinbutton', { name: 'Replication factor' });
    await test.step('partitions and replication factor are checked as typed, once, without a field prefix', async () => {
      await partitions.fill('0');
      await expect(page.getByTestId('partitions-problem')).toHaveText('Partitions must be at least 1');
      await expect(page.getByText(/partitions: /i)).toHaveCount(0);
      await partitions.fill('3');
      await expect(page.getByTestId('partitions-problem')).toHaveCount(0);
      await replication.fill('4');
      await expect(page.getByTestId('replication-problem')).toHaveText('Replication factor cannot exceed the 3 live broker(s)');
      await replication.fill('2');
      await expect(page.getByTestId('replication-problem')).toHaveCount(0);
    });
    await test.step('an existing name, and one that collides by "." and "_"', async () => {
      await name.fill(existing);
      await expect(page.getByTestId('name-problem')).toHaveText(`Topic "${existing}" already exists`);
      await name.fill(existing.replace('_', '.'));
      await expect(page.getByTestId('name-problem')).toContainText(`collides with the existing topic "${existing}"`);
    });
    await test.step('min.insync.replicas above the replication factor is flagged', async () => {
      await page.getByRole('textbox', { name: /min\.insync\.replicas/ }).fill('3');
      await expect(page.getByTestId('min-isr-warning')).toContainText('higher than the replication factor (2)');
      await replication.fill('3');
      await expect(page.getByTestId('min-isr-warning')).toHaveCount(0);
    });
    await test.step('the command wraps on spaces and has a copy button', async () => {
      const preview = page.getByTestId('cli-preview');
      expect(await preview.evaluate((el) => getComputedStyle(el).wordBreak)).not.toBe('break-all');
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Copy command' }).click();
      await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await preview.textContent());
    });
    await screenshot(page, 'polish-create-form');
  } finally {
    await admin.deleteTopics({ topics: [existing] }).catch(() => {});
    await admin.disconnect();
  }
});

test('deleting a topic or a group confirms it on the list; breadcrumbs, favicon and "forever"', async ({ page, request }) => {
  const run = Date.now();
  const topic = `e2e-polish-del-${run}`;
  const groupId = `e2e-polish-group-${run}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] }]);
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });

    await test.step('retention.ms=-1 and Long.MAX_VALUE ms read "forever"', async () => {
      await page.goto(`/clusters/local/topics/${topic}?tab=configuration`);
      await expect(page.getByTestId('config-retention.ms')).toContainText('(forever)');
      await expect(page.getByTestId('config-max.compaction.lag.ms')).toContainText('9223372036854775807');
      await expect(page.getByTestId('config-max.compaction.lag.ms')).toContainText('(forever)');
    });

    await test.step('the group page has breadcrumbs; deleting the group confirms it on the list', async () => {
      await page.goto(`/clusters/local/groups/${groupId}`);
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await expect(crumbs.getByRole('link', { name: 'Consumer groups' })).toHaveAttribute('href', '/clusters/local/groups');
      await expect(crumbs.getByText(groupId)).toHaveAttribute('aria-current', 'page');
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('button', { name: 'Delete group' }).click();
      await expect(page).toHaveURL(/\/clusters\/local\/groups$/);
      await expect(page.getByRole('status').filter({ hasText: `Deleted consumer group ${groupId}` })).toBeVisible();
    });

    await test.step('deleting the topic confirms it on the topics list', async () => {
      await page.goto(`/clusters/local/topics/${topic}`);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('textbox', { name: 'Topic name to confirm' }).fill(topic);
      await page.getByRole('button', { name: 'Delete topic' }).click();
      await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
      await expect(page.getByRole('status').filter({ hasText: `Deleted topic ${topic}` })).toBeVisible();
      await screenshot(page, 'polish-deleted-topic');
      await page.reload();
      await expect(page.getByText(`Deleted topic ${topic}`)).toHaveCount(0);
    });

    await test.step('the broker page has breadcrumbs', async () => {
      await page.goto('/clusters/local/brokers/1');
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await expect(crumbs.getByRole('link', { name: 'Brokers' })).toHaveAttribute('href', '/clusters/local/brokers');
      await expect(crumbs.getByText('Broker 1')).toHaveAttribute('aria-current', 'page');
    });

    await test.step('an SVG favicon is linked and served', async () => {
      const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
      expect(href).toMatch(/\.svg/);
      const icon = await request.get(href!);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toContain('image/svg+xml');
    });
  } finally {
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});

test('a group page opened before the group exists shows it once its first consumer joins', async ({ page }) => {
  const run = Date.now();
  const topic = `e2e-polish-forming-${run}`;
  const groupId = `e2e-polish-forming-group-${run}`;
  const admin = kafka.admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
  const consumer = kafka.consumer({ groupId });
  try {
    await notFoundPage(page, `/clusters/local/groups/${groupId}`, 'No such consumer group');
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => {} });
    await expect(page.getByRole('heading', { name: groupId })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'No such consumer group' })).toHaveCount(0);
  } finally {
    await consumer.disconnect();
    for (let attempt = 0; attempt < 10 && kafkaCli('consumer-groups', '--list').split('\n').includes(groupId); attempt++) {
      try {
        kafkaCli('consumer-groups', '--delete', '--group', groupId);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});
