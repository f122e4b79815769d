import { expect, test } from '@playwright/test';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { GroupPage } from './pages/group-page';
import { kafkaCli, screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

const kafka = new Kafka({ clientId: 'e2e-groups', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const cliLag = (groupId: string) =>
  kafkaCli('consumer-groups', '--describe', '--group', groupId)
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[0] === groupId && cols.length >= 9)
    .map((cols) => ({ partition: Number(cols[2]), lag: cols[5] === '-' ? null : Number(cols[5]) }));

test('a lagging group: chart and per-partition lag, stop its consumer, reset to latest, lag 0', async ({ page }) => {
  const run = Date.now();
  const topic = `e2e-lag-${run}`;
  const groupId = `e2e-lagging-${run}`;
  const admin = kafka.admin();
  await admin.connect();
  let consumer: Consumer | undefined;
  try {
    await test.step('a group that read 100 of 300 messages and holds on', async () => {
      await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 3 }]);
      const producer = idempotentProducer(kafka);
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
      await producer.disconnect();
      consumer = kafka.consumer({ groupId });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      let seen = 0;
      await new Promise<void>((resolve) => {
        void consumer!.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (seen >= 100) return;
            seen++;
            await consumer!.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
            if (seen === 100) {
              consumer!.pause([{ topic }]);
              resolve();
            }
          },
        });
      });
    });

    const group = new GroupPage(page);
    await test.step('find it in the list and open it', async () => {
      await page.goto(`/clusters/local/groups?q=${groupId}`);
      await page.getByRole('link', { name: groupId }).click();
      await expect(page.getByRole('heading', { name: groupId })).toBeVisible();
    });

    await test.step('see per-partition lag equal to kafka-consumer-groups, and the chart', async () => {
      const reference = cliLag(groupId);
      expect(reference).toHaveLength(3);
      // A partition without a commit shows "—", never a made-up lag.
      for (const { partition, lag } of reference)
        await expect(group.partitionLag(topic, partition)).toHaveText(lag === null ? '—' : lag.toLocaleString('en-US'));
      await expect(group.stat('Total lag')).toHaveText(reference.reduce((s, r) => s + (r.lag ?? 0), 0).toLocaleString('en-US'));
      await expect(group.chart()).toBeVisible({ timeout: 20_000 });
      await expect(group.chart().locator('.recharts-line-curve')).toHaveCount(1);
      // Per topic, each series is drawn (lags are listed by position, not under the topic's name).
      await page.getByRole('radio', { name: 'Per topic' }).click();
      await expect(group.chart().locator('.recharts-line-curve')).toHaveCount(1);
      // One line per partition with a commit: one without has no lag to draw (a gap, never a made-up 0).
      await page.getByRole('radio', { name: 'Per partition' }).click();
      await expect(group.chart().locator('.recharts-line-curve')).toHaveCount(reference.filter((r) => r.lag !== null).length);
      await page.getByRole('radio', { name: 'Total' }).click();
      await screenshot(page, 'group-lagging');
    });

    await test.step('stop the consumer: the group turns Empty', async () => {
      await consumer!.disconnect();
      consumer = undefined;
      await expect(page.getByText('Empty', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
    });

    await test.step('reset to latest with a preview first', async () => {
      await page.getByRole('button', { name: 'Reset offsets' }).click();
      const dialog = group.resetDialog();
      await dialog.getByLabel('Move to').selectOption('latest');
      await expect(dialog.getByTestId('reset-cli')).toContainText(`--group ${groupId} --reset-offsets --topic ${topic} --to-latest --dry-run`);
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await expect(dialog.getByRole('table', { name: 'Preview' }).locator('tbody tr')).toHaveCount(3);
      await screenshot(page, 'group-reset-preview');
      await dialog.getByRole('button', { name: 'Apply reset' }).click();
      await expect(dialog).toBeHidden();
      await expect(group.stat('Total lag')).toHaveText('0', { timeout: 15_000 });
      expect(cliLag(groupId).every((r) => r.lag === 0)).toBe(true);
      await screenshot(page, 'group-after-reset');
    });
  } finally {
    await consumer?.disconnect().catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});

test('the groups list shows the demo-like group with lag and status', async ({ page }) => {
  const groupId = `e2e-list-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  const topic = `e2e-list-topic-${Date.now()}`;
  try {
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
    const producer = idempotentProducer(kafka);
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 50 }, (_, i) => ({ value: `v${i}` })) });
    await producer.disconnect();
    kafkaCli('consumer-groups', '--reset-offsets', '--group', groupId, '--topic', `${topic}:0`, '--to-offset', '5', '--execute');
    await page.goto(`/clusters/local/groups?q=${groupId}`);
    const row = page.getByTestId('group-row').filter({ has: page.getByRole('link', { name: groupId }) });
    // Columns: group, type, state, members, topics, lag, trend, status.
    await expect(row.getByRole('cell').nth(1)).toHaveText('classic');
    await expect(row.getByRole('cell').nth(2)).toHaveText('Empty');
    const lag = cliLag(groupId).reduce((s, r) => s + (r.lag ?? 0), 0);
    await expect(row.getByRole('cell').nth(5)).toHaveText(String(lag));
    await screenshot(page, 'groups-list');
    await page.goto(`/clusters/local/topics/${topic}?tab=consumers`);
    await expect(page.getByRole('table', { name: 'Consumer groups of this topic' }).getByRole('link', { name: groupId })).toBeVisible();
  } finally {
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});
