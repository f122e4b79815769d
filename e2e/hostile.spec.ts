import { expect, test } from '@playwright/test';
import { kafkaCli, screenshot } from './support';
import { idempotentProducer } from '../tests/support/topics';

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

// Topic names cannot carry markup (Kafka allows only letters, digits, ".", "_" and "-"); headers and
// consumer client ids can.
test('message header names and values, and a consumer’s client id, carrying HTML show as text', async ({ page }) => {
  const { Kafka, logLevel } = await import('kafkajs');
  const HEADER = `<img src=x onerror="window.__pwned=3">`;
  const CLIENT = `<img src=x onerror="window.__pwned=4">client`;
  const kafka = new Kafka({ clientId: CLIENT, brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
  const producer = idempotentProducer(kafka);
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: [{ key: 'hostile-headers', value: 'v', headers: { [HEADER]: `${HEADER}<script>window.__pwned=5</script>` } }],
  });
  await producer.disconnect();
  const liveGroup = `e2e-hostile-live-${Date.now()}`;
  const consumer = kafka.consumer({ groupId: liveGroup });
  try {
    await page.goto(`/clusters/local/topics/${TOPIC}/messages?from=earliest`);
    const row = page.getByTestId('message-row').filter({ hasText: 'hostile-headers' });
    await row.click();
    const detail = page.getByTestId('message-detail');
    await expect(detail).toContainText(`${HEADER}<script>window.__pwned=5</script>`);
    await expect(detail.locator('img, script')).toHaveCount(0);
    expect(await pwned(page)).toBeUndefined();

    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    await consumer.run({ eachMessage: async () => {} });
    await page.goto(`/clusters/local/groups/${encodeURIComponent(liveGroup)}`);
    await expect(page.locator('main')).toContainText(CLIENT, { timeout: 30_000 });
    await expect(page.locator('main img')).toHaveCount(0);
    expect(await pwned(page)).toBeUndefined();
    await screenshot(page, 'hostile-client-id');
  } finally {
    await consumer.disconnect();
    await deleteOnceEmpty(liveGroup);
  }
});

/** The group empties as its consumer leaves; deleting it may need a moment. */
async function deleteOnceEmpty(group: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      kafkaCli('consumer-groups', '--delete', '--group', group);
      return;
    } catch (error) {
      if (attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
