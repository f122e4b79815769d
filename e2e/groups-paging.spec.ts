import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { GroupsListPage } from './pages/groups-list-page';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

const kafka = new Kafka({ clientId: 'e2e-groups-paging', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
/** More groups than one page (100 rows): g000 … g104, group i committed at offset i of 105, so its lag is 105 − i. */
const COUNT = 105;

test('the groups list pages on the server: page links are shareable, search and sort cover every group', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now();
  const topic = `e2e-paging-${run}`;
  const prefix = `e2e-paging-${run}-g`;
  const groups = Array.from({ length: COUNT }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await test.step(`${COUNT} groups with different lags`, async () => {
      await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 3 }]);
      const producer = idempotentProducer(kafka);
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: Array.from({ length: COUNT }, (_, i) => ({ value: `m${i}` })) });
      await producer.disconnect();
      for (let i = 0; i < COUNT; i += 15)
        await Promise.all(
          groups.slice(i, i + 15).map((groupId, j) => admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: String(i + j) }] })),
        );
    });

    const list = new GroupsListPage(page);
    await test.step('the first page: 100 rows of 105 matching', async () => {
      await list.goto('local', `?q=${prefix}`);
      await expect(list.pageRange()).toHaveText('Rows 1–100 of 105, page 1 of 2', { timeout: 30_000 });
      await expect(list.firstGroupLink()).toHaveText(groups[0]);
      await expect(list.previous()).toBeDisabled();
    });

    await test.step('the next page has the last five, and its URL opens it again', async () => {
      await list.next().click();
      await expect(list.pageRange()).toHaveText('Rows 101–105 of 105, page 2 of 2');
      await expect(page).toHaveURL(/[?&]page=2/);
      await expect.poll(() => list.groupIds()).toEqual(groups.slice(100));
      await expect(list.next()).toBeDisabled();
      await page.reload();
      await expect(list.pageRange()).toHaveText('Rows 101–105 of 105, page 2 of 2');
      await expect.poll(() => list.groupIds()).toEqual(groups.slice(100));
    });

    await test.step('sorting by lag orders all 105 groups on the server and starts again at page 1', async () => {
      await list.sortBy('Lag').click();
      await expect(page).not.toHaveURL(/[?&]page=/);
      await expect(list.pageRange()).toHaveText('Rows 1–100 of 105, page 1 of 2');
      // Biggest lag first: g000 (lag 105) … ; the smallest lags are on page 2.
      await expect(list.firstGroupLink()).toHaveText(groups[0]);
      await list.next().click();
      await expect.poll(() => list.groupIds()).toEqual(groups.slice(100));
      await list.sortBy('Lag').click();
      await expect(list.firstGroupLink()).toHaveText(groups[COUNT - 1]);
    });

    await test.step('a narrower search finds groups from any page, in one page', async () => {
      await list.search().fill(`${prefix}10`);
      // g100 … g104 only (g010 does not contain "g10"); one page, so no page buttons.
      await expect(page.getByText(/^5 of [\d,]+$/)).toBeVisible();
      await expect(list.pageRange()).toHaveCount(0);
      await expect.poll(() => list.groupIds()).toEqual(groups.slice(100).reverse());
    });
  } finally {
    await admin.deleteGroups(groups).catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});
