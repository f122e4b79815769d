import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';
import { kafkaCli, screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

const kafka = new Kafka({ clientId: 'e2e-messages', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

test.describe('messages', () => {
  const topic = `e2e-messages-${Date.now()}`;
  const admin = kafka.admin();

  test.beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 3 }]);
  });

  test.afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  });

  test('live from latest: a message produced from the form appears within a second, hostile HTML stays text', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', topic);
    await expect(messages.counters()).toContainText('Live');

    await page.getByRole('button', { name: 'Produce a message' }).click();
    const form = messages.produceForm();
    await form.getByLabel('Key').fill('<b>key</b>');
    await form.getByLabel('Value').fill(HOSTILE);
    // Headers are a list: a key may repeat, and "__proto__" is a key like any other.
    const headers = [
      ['dup', 'first'],
      ['__proto__', 'x'],
      ['dup', 'second'],
    ];
    for (const [i, [name, value]] of headers.entries()) {
      await form.getByRole('button', { name: 'Add header' }).click();
      await form.getByLabel(`Header name ${i + 1}`).fill(name);
      await form.getByLabel(`Header value ${i + 1}`).fill(value);
    }
    await form.getByRole('button', { name: 'Produce' }).click();
    await expect(form.getByRole('status')).toContainText('Written to partition');
    const written = Date.now();
    await expect(messages.rows()).toHaveCount(1, { timeout: 3000 });
    const visibleAfter = Date.now() - written;
    expect(visibleAfter).toBeLessThan(1000);

    const row = messages.rows().first();
    await expect(row.getByTestId('message-value')).toHaveText(HOSTILE);
    await expect(row).toContainText('<b>key</b>');
    await row.click();
    await expect(page.getByTestId('message-full-value')).toHaveText(HOSTILE);
    const shown = page.getByTestId('message-headers');
    await expect(shown.locator('dt')).toHaveText(headers.map(([name]) => name));
    await expect(shown.locator('dd')).toHaveText(headers.map(([, value]) => value));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('[aria-label="Messages"] img, [aria-label="Messages"] script, [aria-label="Messages"] b')).toHaveCount(0);
    await screenshot(page, 'messages-live');
  });

  test('a 12 MB file goes through the real server whole (no 10 MB cut by the proxy)', async ({ request }) => {
    const lines = 60_000;
    const body = Buffer.from(Array.from({ length: lines }, (_, i) => `${String(i).padStart(8, '0')} ${'z'.repeat(190)}`).join('\n'));
    expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
    const response = await request.post(`/api/clusters/local/topics/${topic}/messages/upload?partitioner=round-robin`, {
      data: body,
      headers: { 'content-type': 'application/octet-stream' },
      timeout: 120_000,
    });
    expect(response.status()).toBe(200);
    const last = JSON.parse((await response.text()).trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ type: 'done', lines, written: lines, bytesRead: body.length });
  });

  test('a tail leaves no consumer group behind, even when the browser goes away mid-tail', async ({ browser }) => {
    const groups = () =>
      kafkaCli('consumer-groups', '--list')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .sort();
    const before = groups();
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages = new MessagesPage(page);
    await messages.goto('local', topic, '?from=earliest&mode=live');
    await expect(messages.counters()).toContainText('Live');
    await context.close(); // like a killed tab: no goodbye
    expect(groups()).toEqual(before);
  });

  test('from earliest with a filter, then a file upload with progress and a summary', async ({ page }) => {
    const producer = idempotentProducer(kafka);
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ n: i, even: i % 2 === 0 }) })) });
    await producer.disconnect();

    const messages = new MessagesPage(page);
    await messages.goto('local', topic, `?from=earliest&filter=${encodeURIComponent('"even":true')}`);
    await expect(messages.counters()).toContainText('matched 100 of', { timeout: 10_000 });
    await messages.rows().first().click();
    await expect(page.getByTestId('message-full-value')).toContainText('"even": true');
    await screenshot(page, 'messages-filtered');

    await page.getByRole('button', { name: 'Produce from a file' }).click();
    const upload = messages.uploadGroup();
    const lines = Array.from(
      { length: 5000 },
      (_, i) => `199.72.81.55 - - [01/Jul/1995:00:00:${String(i % 60).padStart(2, '0')} -0400] "GET /history/apollo/ HTTP/1.0" 200 ${i}`,
    ).join('\n');
    await upload.getByLabel('File to upload').setInputFiles({ name: 'access_log', mimeType: 'text/plain', buffer: Buffer.from(lines) });
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(upload.getByTestId('upload-summary')).toContainText('Done: 5,000 of 5,000 lines written', { timeout: 30_000 });
    await expect(upload.getByRole('progressbar')).toBeVisible();
    await screenshot(page, 'messages-upload');
    const total = kafkaCli('get-offsets', '--topic', topic, '--time', '-1')
      .split('\n')
      .filter(Boolean)
      .reduce((s, l) => s + Number(l.split(':').at(-1)), 0);
    expect(total).toBe(1 + 60_000 + 200 + 5000);
  });
});
