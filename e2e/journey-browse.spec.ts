import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { TopicPage } from './pages/topic-page';
import { TopicsPage } from './pages/topics-page';
import { kafkaCli, screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

/** Browsing: search as fast as people type, sort headers, the topic header's numbers, estimates, phone width. */

const kafka = new Kafka({ clientId: 'e2e-browse', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const stat = (page: Page, label: string) => page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
const headerArrows = async (page: Page, table: string) =>
  page
    .getByRole('table', { name: table })
    .getByRole('columnheader')
    .evaluateAll((ths) => ths.map((th) => ({ text: th.textContent ?? '', sort: th.getAttribute('aria-sort') })));

async function withAdmin<T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

async function produce(topic: string, perPartition: number[]) {
  const producer = idempotentProducer(kafka);
  await producer.connect();
  const messages = perPartition.flatMap((count, partition) => Array.from({ length: count }, (_, i) => ({ partition, key: `k${i}`, value: `v${i}` })));
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}

test('search boxes keep every keystroke typed fast, and the URL follows', async ({ page }) => {
  const run = Date.now();
  const topic = `brw-search-${run}`;
  const other = `brw-other-${run}`;
  const groupId = `brw-group-${run}`;
  await withAdmin(async (admin) => {
    await createTopicsWithLeaders(admin, [
      { topic, numPartitions: 1, replicationFactor: 1 },
      { topic: other, numPartitions: 1, replicationFactor: 1 },
    ]);
    // Committed offsets alone make an (Empty) group the list shows.
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
  });
  try {
    const list = new TopicsPage(page);
    await test.step('topics: a 22-character name at 10 ms per key', async () => {
      await list.goto('local');
      await expect(list.rows().first()).toBeVisible();
      await list.search().pressSequentially(topic, { delay: 10 });
      await expect(list.search()).toHaveValue(topic);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${topic}$`));
      await expect(list.rows()).toHaveCount(1);
      await expect(list.topicLink(topic)).toBeVisible();
      // Still all there once the URL has settled.
      await expect(list.search()).toHaveValue(topic);
    });

    await test.step('back to an earlier URL puts its search into the box', async () => {
      await page.goto(`/clusters/local/topics?q=${other}`);
      await expect(list.search()).toHaveValue(other);
      await expect(list.rows()).toHaveCount(1);
      await page.goto(`/clusters/local/topics?q=${topic}`);
      await expect(list.search()).toHaveValue(topic);
      await page.goBack();
      await expect(list.search()).toHaveValue(other);
      await expect(list.topicLink(other)).toBeVisible();
    });

    await test.step('groups: the group id at 10 ms per key', async () => {
      await page.goto('/clusters/local/groups');
      const search = page.getByRole('searchbox', { name: 'Search groups' });
      await expect(page.getByTestId('group-row').first()).toBeVisible();
      await search.click();
      await search.pressSequentially(groupId, { delay: 10 });
      await expect(search).toHaveValue(groupId);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${groupId}$`));
      await expect(page.getByTestId('group-row')).toHaveCount(1);
      await expect(page.getByRole('link', { name: groupId })).toBeVisible();
      await expect(search).toHaveValue(groupId);
    });
  } finally {
    await withAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic, other] });
    });
  }
});

test('sort headers show the direction on the sorted column only, with aria-sort', async ({ page }) => {
  const list = new TopicsPage(page);
  await list.goto('local');
  await expect(page.getByRole('table', { name: 'Topics' })).toBeVisible();
  const before = await headerArrows(page, 'Topics');
  expect(before[0]).toEqual({ text: expect.stringContaining('▲'), sort: 'ascending' });
  for (const other of before.slice(1)) expect(other).toEqual({ text: expect.not.stringMatching(/[▲▼]/), sort: 'none' });

  await list.sortBy('Size').click();
  await expect(page).toHaveURL(/sort=sizeBytes/);
  const after = await headerArrows(page, 'Topics');
  expect(after.map((h) => h.sort)).toEqual(['none', 'none', 'none', 'descending', 'none', 'none']);
  expect(after.filter((h) => /[▲▼]/.test(h.text))).toEqual([{ text: expect.stringContaining('▼'), sort: 'descending' }]);

  // The groups table shows only when there is a group: one of our own, whatever else the cluster holds.
  const topic = `brw-sort-${Date.now()}`;
  const groupId = `brw-sort-group-${Date.now()}`;
  await withAdmin(async (admin) => {
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
  });
  try {
    await page.goto('/clusters/local/groups?sort=totalLag&dir=asc');
    await expect(page.getByRole('table', { name: 'Consumer groups' })).toBeVisible();
    const groups = await headerArrows(page, 'Consumer groups');
    expect(groups.filter((h) => /[▲▼]/.test(h.text))).toEqual([{ text: expect.stringContaining('▲'), sort: 'ascending' }]);
    expect(groups.filter((h) => h.sort !== 'none' && h.sort !== null)).toHaveLength(1);
  } finally {
    await withAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    });
  }
});

test('topic header: replication factor "mixed (1–3)" after a reassignment, size per partition, the skew hint', async ({ page }) => {
  const topic = `brw-mixed-${Date.now()}`;
  await withAdmin((admin) => createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 3 }]));
  try {
    await produce(topic, [100, 100, 0]);
    await test.step('move partition 1 to a single replica with kafka-reassign-partitions', async () => {
      const replicas = kafkaCli('topics', '--describe', '--topic', topic).match(/\tPartition: 1\tLeader: (\d+)/);
      const plan = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brw-')), 'plan.json');
      fs.writeFileSync(plan, JSON.stringify({ version: 1, partitions: [{ topic, partition: 1, replicas: [Number(replicas![1])] }] }));
      kafkaCli('reassign-partitions', '--execute', '--additional', '--reassignment-json-file', plan);
      await expect.poll(() => kafkaCli('reassign-partitions', '--verify', '--reassignment-json-file', plan), { timeout: 30_000 }).toContain('is completed');
      await expect.poll(() => kafkaCli('topics', '--describe', '--topic', topic), { timeout: 30_000 }).toMatch(/\tPartition: 1\tLeader: \d+\tReplicas: \d+\t/);
    });

    await test.step('the API and the page say mixed (1–3), not 3', async () => {
      await expect
        .poll(
          async () => {
            const body = await (await page.request.get(`/api/clusters/local/topics/${topic}`)).json();
            return [body.minReplicationFactor, body.replicationFactor];
          },
          { timeout: 20_000 },
        )
        .toEqual([1, 3]);
      await page.goto(`/clusters/local/topics/${topic}`);
      await expect(stat(page, 'Replication factor')).toHaveText('mixed (1–3)');
      await expect(stat(page, 'Partitions')).toHaveText('3');
      await expect(stat(page, 'Messages')).toHaveText('200');
      await expect(stat(page, 'Size')).toHaveText(/^\d[\d.,]* (B|KB|KiB)$/);
    });

    await test.step('size and share per partition; partition 2 holding 0 of 200 is called out', async () => {
      const topicPage = new TopicPage(page);
      await expect(topicPage.partitionRows()).toHaveCount(3);
      const partition = (n: number) => page.getByTestId(`partition-${n}`);
      await expect(partition(0).getByTestId('size')).toHaveText(/^\d[\d.,]* (B|KB|KiB)$/);
      await expect(partition(0).getByTestId('share')).toHaveText('50%');
      await expect(partition(2).getByTestId('share')).toHaveText('0%');
      await expect(page.getByRole('note')).toHaveText(/partition 2 holds 0 of 200 messages/);
      await screenshot(page, 'topic-mixed-replication');
    });
  } finally {
    await withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test('estimated counts carry ≈ and the same explanation in the list, the topic header and per partition', async ({ page }) => {
  const run = Date.now();
  const compacted = `brw-compacted-${run}`;
  const transactional = `brw-tx-${run}`;
  await withAdmin((admin) =>
    createTopicsWithLeaders(admin, [
      { topic: compacted, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
      { topic: transactional, numPartitions: 2, replicationFactor: 1 },
    ]),
  );
  try {
    await produce(compacted, [9]);
    await produce(transactional, [0, 5]);
    const producer = kafka.producer({ transactionalId: `brw-tx-${run}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.send({
      topic: transactional,
      messages: [
        { partition: 0, value: 'a' },
        { partition: 0, value: 'b' },
      ],
    });
    await tx.commit();
    await producer.disconnect();

    const list = new TopicsPage(page);
    await list.goto('local', `?q=brw-compacted-${run}`);
    const listed = page.getByTestId('topic-row').getByRole('cell').nth(4).locator('span');
    await expect(listed).toHaveText('≈9');
    const explanation = await listed.getAttribute('title');
    expect(explanation).toMatch(/^Estimate/);

    await page.goto(`/clusters/local/topics/${compacted}`);
    await expect(stat(page, 'Messages')).toHaveText('≈9');
    await expect(stat(page, 'Messages').locator('[title]')).toHaveAttribute('title', explanation!);
    await expect(page.getByTestId('partition-0').getByTestId('messages')).toHaveText('≈9');
    await expect(page.getByTestId('partition-0').getByTestId('messages').locator('[title]')).toHaveAttribute('title', explanation!);

    // Transaction markers take offsets in partition 0 only: 2 messages + 1 commit marker.
    await page.goto(`/clusters/local/topics/${transactional}`);
    await expect(stat(page, 'Messages')).toHaveText('≈8');
    await expect(page.getByTestId('partition-0').getByTestId('messages')).toHaveText('≈3');
    await expect(page.getByTestId('partition-1').getByTestId('messages')).toHaveText('5');
    await screenshot(page, 'topic-estimates');
  } finally {
    await withAdmin((admin) => admin.deleteTopics({ topics: [compacted, transactional] }));
  }
});

test('at phone width (390 px) no page scrolls sideways; wide tables scroll in their own box with a cue', async ({ page }) => {
  const run = Date.now();
  const topic = `brw-phone-${run}-with-a-rather-long-name`;
  const groupId = `brw-phone-group-${run}`;
  await withAdmin(async (admin) => {
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 3 }]);
    await admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '0' })) });
  });
  await produce(topic, [10, 10, 10]);
  await page.setViewportSize({ width: 390, height: 844 });
  const pages: [string, string, () => ReturnType<Page['locator']>][] = [
    ['overview', '/clusters/local', () => page.getByRole('table', { name: 'Brokers' })],
    ['topics', '/clusters/local/topics', () => page.getByTestId('topic-row').first()],
    ['topic', `/clusters/local/topics/${topic}`, () => page.getByTestId('partition-2')],
    ['groups', '/clusters/local/groups', () => page.getByTestId('group-row').first()],
    ['group', `/clusters/local/groups/${groupId}`, () => page.getByRole('table', { name: 'Offsets and lag per partition' })],
    ['messages', `/clusters/local/topics/${topic}/messages`, () => page.getByRole('list', { name: 'Messages' })],
    ['broker', '/clusters/local/brokers/0', () => page.getByRole('heading', { name: 'Broker 0' })],
  ];
  try {
    for (const [name, url, ready] of pages) {
      await test.step(`${name}: ${url}`, async () => {
        await page.goto(url);
        await expect(ready()).toBeVisible();
        await page.waitForTimeout(300);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        await screenshot(page, `phone-${name}`);
        expect(width, `${name} page is ${width} px wide`).toBeLessThanOrEqual(390);
      });
    }
    await test.step('the partitions table scrolls inside its box, which shows a cue at the edge that has more', async () => {
      await page.goto(`/clusters/local/topics/${topic}`);
      const box = page.getByRole('region', { name: 'Partitions' });
      const frame = box.locator('xpath=..');
      await expect(frame).toHaveAttribute('data-more', 'right');
      await expect(frame.getByTestId('scroll-cue-right')).toBeVisible();
      await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await expect(frame).toHaveAttribute('data-more', 'left');
      await expect(frame.getByTestId('scroll-cue-left')).toBeVisible();
      await expect(frame.getByTestId('scroll-cue-right')).toBeHidden();
    });
  } finally {
    await withAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    });
  }
});
