import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { GroupPage } from './pages/group-page';
import { screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

const kafka = new Kafka({ clientId: 'e2e-journey-lag', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });

test('an Empty group with lag: never OK, lag in time says why it is missing, the reset needs a chosen target and previews the lag after', async ({ page }) => {
  const run = Date.now();
  const topic = `e2e-jlag-${run}`;
  const groupId = `e2e-jlag-${run}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await test.step('100 messages per partition; the group at 40 and 30; partition 0 deleted up to 60', async () => {
      await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
      const producer = idempotentProducer(kafka);
      await producer.connect();
      for (const partition of [0, 1]) {
        await producer.send({ topic, messages: Array.from({ length: 100 }, (_, i) => ({ partition, value: `v${i}` })) });
      }
      await producer.disconnect();
      await admin.setOffsets({
        groupId,
        topic,
        partitions: [
          { partition: 0, offset: '40' },
          { partition: 1, offset: '30' },
        ],
      });
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '60' }] });
    });

    const group = new GroupPage(page);
    await test.step('the group page: no consumer, and the reason lag in time is partial', async () => {
      await group.goto('local', groupId);
      await expect(page.getByRole('heading', { name: groupId })).toBeVisible();
      await expect(page.getByText('No consumer', { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId('status-reason')).toContainText('no consumer in the group');
      await expect(page.getByTestId(`offset-${topic}-0`).getByTestId('lag-in-time')).toContainText('offsets 40–59 were deleted by retention');
      await expect(page.getByTestId(`offset-${topic}-1`).getByTestId('lag-in-time')).not.toHaveText('—');
      await screenshot(page, 'journey-lag-no-consumer');
    });

    await test.step('reset: no target chosen, nothing to submit; then a shift previews the lag after', async () => {
      await page.getByRole('button', { name: 'Reset offsets' }).click();
      const dialog = group.resetDialog();
      await expect(dialog.getByLabel('Move to')).toHaveValue('');
      await expect(dialog.getByRole('button', { name: 'Preview' })).toBeDisabled();
      await expect(dialog.getByRole('button', { name: 'Apply reset' })).toBeDisabled();
      await dialog.getByLabel('Move to').selectOption('shift');
      await dialog.getByLabel('Reset value').fill('10');
      await dialog.getByRole('button', { name: 'Preview' }).click();
      // Partition 0: 40 + 10 = 50, clamped to the log start 60 → 40 left; partition 1: 30 + 10 = 40 → 60 left.
      await expect(dialog.getByTestId('lag-after-0')).toHaveText('40');
      await expect(dialog.getByTestId('lag-after-1')).toHaveText('60');
      await expect(dialog.getByTestId('lag-after-total')).toHaveText('100');
      await screenshot(page, 'journey-lag-reset-preview');
      await dialog.getByRole('button', { name: 'Apply reset' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('after the reset: status Reset, not progress', async () => {
      await expect(page.getByText('Reset', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('status-reason')).toContainText('not consumption');
      await expect(group.stat('Total lag')).toHaveText('100');
    });
  } finally {
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});
