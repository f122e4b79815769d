import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { TopicPage } from './pages/topic-page';
import { kafkaCli, screenshot } from './support';

/** `kafka-get-offsets --time -2`: partition → log start offset. */
const logStartOffsets = (topic: string) =>
  kafkaCli('get-offsets', '--topic', topic, '--time', '-2')
    .trim()
    .split('\n')
    .map((l) => l.split(':').map(Number))
    .sort((a, b) => a[1]! - b[1]!)
    .map((p) => p[2]);

test('delete records of a partition, then empty the topic from its page, and see the log start offsets move', async ({ page }) => {
  test.setTimeout(240_000); // Kafka's tools start a JVM each
  const name = `e2e-empty-${Date.now()}`;
  const topic = new TopicPage(page);
  kafkaCli('topics', '--create', '--topic', name, '--partitions', '2', '--replication-factor', '2');
  try {
    for (const partition of [0, 1]) {
      execFileSync('kcat', ['-b', '127.0.0.1:19092', '-P', '-t', name, '-p', String(partition)], {
        input: Array.from({ length: 8 }, (_, i) => `r${i}`).join('\n'),
      });
    }
    const earliest = (partition: number) => page.getByTestId(`partition-${partition}`).locator('td').nth(5);
    await page.goto(`/clusters/local/topics/${name}`);
    await expect(earliest(0)).toHaveText('0');
    await expect(page.getByTestId('partition-1').locator('td').nth(6)).toHaveText('8');

    await test.step('delete records of partition 1 before offset 3', async () => {
      await page.getByRole('button', { name: 'Delete records' }).click();
      const dialog = topic.dialog('Delete records');
      await dialog.getByLabel('Partition').selectOption('1');
      await dialog.getByLabel('Delete records before offset').fill('3');
      await expect(dialog.getByTestId('cli-preview')).toContainText(`"partition":1,"offset":3`);
      await expect(dialog.getByTestId('cli-preview')).toContainText(
        'kafka-delete-records.sh --bootstrap-server 127.0.0.1:19092 --offset-json-file delete-records.json',
      );
      await dialog.getByRole('button', { name: 'Delete records' }).click();
      await expect(dialog.getByRole('table', { name: 'New log start offsets' }).locator('tbody tr')).toHaveText(['13']);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(earliest(1)).toHaveText('3');
      expect(logStartOffsets(name)).toEqual([0, 3]);
    });

    await test.step('empty the topic: the name must be typed back', async () => {
      await page.getByRole('button', { name: 'Empty topic' }).click();
      const dialog = topic.dialog('Empty topic');
      const confirm = dialog.getByRole('button', { name: 'Empty topic' });
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel('Topic name to confirm').fill(name.slice(0, -1));
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel('Topic name to confirm').fill(name);
      await screenshot(page, 'topic-empty');
      await confirm.click();
      await expect(dialog.getByRole('table', { name: 'New log start offsets' }).locator('tbody tr')).toHaveText(['08', '18']);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(earliest(0)).toHaveText('8');
      await expect(earliest(1)).toHaveText('8');
      expect(logStartOffsets(name)).toEqual([8, 8]);
    });
  } finally {
    kafkaCli('topics', '--delete', '--topic', name);
  }
});
