import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { ReassignmentsPage } from './pages/reassignments-page';
import { screenshot } from './support';

const kafka = new Kafka({ clientId: 'e2e-reassignment', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const topic = `e2e-reassign-${Date.now()}`;

test.beforeAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  // Three partitions, one replica each, all on broker 0: the crowded layout to spread.
  await admin.createTopics({ topics: [{ topic, replicaAssignment: [0, 1, 2].map((partition) => ({ partition, replicas: [0] })) }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (const partition of [0, 1, 2])
    await producer.send({ topic, messages: Array.from({ length: 100 }, (_, i) => ({ partition, value: `message ${i} ${'x'.repeat(500)}` })) });
  await producer.disconnect();
});

test.afterAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

test('plan and execute a reassignment of a topic crowded on one broker, and watch it complete', async ({ page }) => {
  const reassignments = new ReassignmentsPage(page);

  await test.step('plan it over brokers 0, 1 and 2', async () => {
    await reassignments.open('local');
    await reassignments.plan(topic, [0, 1, 2]);
    await expect(reassignments.summary()).toContainText(/2 replicas to move, [\d.]+ (kB|KiB|MB|MiB) to copy/);
    // Before → after per broker: three replicas on broker 0 become one on each.
    await expect(page.getByTestId('plan-replicas-0')).toHaveText('3 → 1');
    await expect(page.getByTestId('plan-replicas-1')).toHaveText('0 → 1');
    await expect(page.getByTestId('plan-replicas-2')).toHaveText('0 → 1');
    await expect(reassignments.grid().locator('[data-change="added-leader"]')).toHaveCount(2);
    await expect(reassignments.grid().locator('[data-change="removed"]')).toHaveCount(2);
    await expect(page.getByTestId('cli-preview')).toContainText('kafka-reassign-partitions.sh');
    await screenshot(page, 'reassignment-plan');
  });

  await test.step('execute it, throttled, and watch it complete', async () => {
    await page.getByLabel('Replication throttle in MB/s').fill('50');
    await expect(page.getByTestId('cli-preview')).toContainText('--throttle 52428800');
    await page.getByRole('button', { name: 'Execute reassignment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reassignment complete' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('no-reassignments')).toBeVisible({ timeout: 30_000 });
  });

  await test.step('the topic now has one partition on each broker, and the throttle is gone', async () => {
    const answer = await page.request.get(`/api/clusters/local/topics/${topic}`);
    const details = (await answer.json()) as { partitions: { replicas: number[] }[]; configs: { name: string; isDefault: boolean }[] };
    expect(details.partitions.map((p) => p.replicas[0]).sort()).toEqual([0, 1, 2]);
    const listed = await (await page.request.get('/api/clusters/local/reassignments')).json();
    expect(listed.throttleBytesPerSec).toBeNull();
    const throttles = details.configs.filter((c) => c.name.endsWith('.replication.throttled.replicas'));
    expect(throttles.map((c) => c.isDefault)).toEqual([true, true]);
    await screenshot(page, 'reassignment-complete');
  });
});
