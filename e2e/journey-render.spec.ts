import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';
import { screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

// How messages render: null and empty distinct from text, timestamps with their type, upload progress.
const kafka = new Kafka({ clientId: 'e2e-render', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const OLDEST_FIRST = '?from=earliest&live=false&order=oldest';
/** A create time far from now, so the broker's append time cannot be mistaken for it. */
const PRODUCER_TIME = 1_000_000_000_000;
/** kcat's view of a topic: offset, timestamp (ms) and its type, per message of partition 0. */
const kcatTimestamps = (topic: string) =>
  execFileSync('kcat', ['-b', '127.0.0.1:19092', '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-J'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { offset: number; ts: number; tstype: string });

test.describe('how messages render', () => {
  const run = Date.now();
  const nulls = `e2e-render-nulls-${run}`;
  const appendTime = `e2e-render-append-${run}`;
  const upload = `e2e-render-upload-${run}`;
  const admin = kafka.admin();
  const producer = idempotentProducer(kafka);

  test.beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [
      { topic: nulls, numPartitions: 1, replicationFactor: 1 },
      { topic: appendTime, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }] },
      { topic: upload, numPartitions: 3, replicationFactor: 1 },
    ]);
    await producer.connect();
  });

  test.afterAll(async () => {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [nulls, appendTime, upload] }).catch(() => {});
    await admin.disconnect();
  });

  test('a tombstone, a null key, empty strings and the text "null" all look different; headers are counted in words', async ({ page }) => {
    await producer.send({
      topic: nulls,
      acks: -1,
      messages: [
        { key: null, value: null },
        { key: 'text-null', value: 'null', headers: { one: 'x' } },
        { key: '', value: '', headers: { a: '1', b: '2', c: '3' } },
      ],
    });
    const messages = new MessagesPage(page);
    await messages.goto('local', nulls, OLDEST_FIRST);
    await expect(messages.rows()).toHaveCount(3);
    const [tombstone, textNull, empty] = [0, 1, 2].map((i) => messages.rows().nth(i));

    await test.step('a null value is a tombstone badge, a null key a null badge', async () => {
      await expect(tombstone.getByTestId('message-value').locator('[data-badge="tombstone"]')).toHaveText('tombstone');
      await expect(tombstone.getByTestId('message-key').locator('[data-badge="null"]')).toHaveText('null');
      await expect(tombstone.getByTestId('message-value')).not.toHaveText('null');
    });
    await test.step('the 4-character value "null" is plain text, no badge', async () => {
      await expect(textNull.getByTestId('message-value')).toHaveText('null');
      await expect(textNull.locator('[data-badge]')).toHaveCount(0);
      await expect(textNull.getByTestId('message-header-count')).toHaveText('1 header');
    });
    await test.step('empty key and value are empty badges, styled unlike text and unlike null', async () => {
      await expect(empty.getByTestId('message-key').locator('[data-badge="empty"]')).toHaveText('empty');
      await expect(empty.getByTestId('message-value').locator('[data-badge="empty"]')).toHaveText('empty');
      await expect(empty.getByTestId('message-header-count')).toHaveText('3 headers');
      const style = (badge: string) =>
        page
          .locator(`[data-badge="${badge}"]`)
          .first()
          .evaluate((e) => getComputedStyle(e).backgroundColor + getComputedStyle(e).borderStyle);
      const plain = await textNull.getByTestId('message-value').evaluate((e) => getComputedStyle(e).backgroundColor + getComputedStyle(e).borderStyle);
      expect(new Set([await style('tombstone'), await style('null'), await style('empty'), plain]).size).toBe(4);
    });
    await test.step('the expanded tombstone says so too', async () => {
      await tombstone.click();
      const detail = page.getByTestId('message-detail');
      await expect(detail.getByTestId('message-full-value').locator('[data-badge="tombstone"]')).toBeVisible();
      await expect(detail.getByTestId('message-full-value')).toHaveText('tombstone');
      await expect(detail.getByTestId('detail-key').locator('[data-badge="null"]')).toBeVisible();
    });
    await screenshot(page, 'render-nulls');
  });

  test('filter matches are marked in the key and value previews, as text', async ({ page }) => {
    // Needs MessagesView to hand its filter to MessageList (filter={params.filter}).
    await producer.send({ topic: nulls, acks: -1, messages: [{ key: 'err-key', value: 'an ERROR, an error <b>err</b>' }] });
    const messages = new MessagesPage(page);
    await messages.goto('local', nulls, `${OLDEST_FIRST}&filter=${encodeURIComponent('(?i)err(or)?|<b>')}&filterMode=regex&filterOn=value`);
    const row = messages.rows().filter({ hasText: 'err-key' });
    await expect(row).toHaveCount(1);
    const value = row.getByTestId('message-value');
    await expect(value.locator('mark')).toHaveText(['ERROR', 'error', '<b>', 'err']);
    await expect(value).toHaveText('an ERROR, an error <b>err</b>');
    await expect(value.locator('b')).toHaveCount(0);
    // The filter looks at values only: the key is not marked.
    await expect(row.getByTestId('message-key').locator('mark')).toHaveCount(0);
    await screenshot(page, 'render-highlight');
  });

  test.describe('timestamps', () => {
    // A zone with a half-hour offset and no summer time: local and UTC cannot be confused.
    test.use({ timezoneId: 'Asia/Kolkata' });

    test('ISO 8601 with milliseconds in UTC or local time, remembered, with LogAppendTime as kcat reads it', async ({ page }) => {
      await producer.send({ topic: appendTime, acks: -1, messages: [{ value: 'appended', timestamp: String(PRODUCER_TIME) }] });
      const [reference] = kcatTimestamps(appendTime);
      expect(reference.tstype).toBe('logappend');
      const messages = new MessagesPage(page);
      await messages.goto('local', appendTime, OLDEST_FIRST);
      const row = messages.rows().first();
      const utc = new Date(reference.ts).toISOString();

      await test.step('UTC by default, to the millisecond, with the broker-assigned type', async () => {
        await expect(row.getByTestId('message-timestamp')).toContainText(utc);
        await expect(row.getByTestId('timestamp-type')).toHaveText('LogAppendTime');
      });
      await test.step('local time with its offset spelled out, after a reload too', async () => {
        await page.getByRole('radiogroup', { name: 'Timestamps in' }).getByRole('radio', { name: 'local' }).click();
        const local = new Date(reference.ts + 330 * 60_000).toISOString().replace('Z', '+05:30');
        await expect(row.getByTestId('message-timestamp')).toContainText(local);
        await page.reload();
        await expect(messages.rows().first().getByTestId('message-timestamp')).toContainText(local);
        await messages.rows().first().click();
        await expect(page.getByTestId('detail-timestamp')).toContainText(`${local} (LogAppendTime)`);
        await expect(page.getByTestId('detail-timestamp')).toContainText(utc);
      });
      await screenshot(page, 'render-timestamps');
    });
  });

  test('a file upload shows bytes sent from the first second, then the exact summary', async ({ page }) => {
    const lineCount = 100_000;
    const lines = `${Array.from({ length: lineCount }, (_, i) => `${String(i).padStart(8, '0')} ${'x'.repeat(190)}`).join('\n')}\n`;
    const size = Buffer.byteLength(lines);
    const messages = new MessagesPage(page);
    await messages.goto('local', upload);
    await page.getByRole('button', { name: 'Produce from a file' }).click();
    const form = messages.uploadGroup();
    await form.getByLabel('File to upload').setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(lines) });
    // Every text the byte counter shows, with when it showed it.
    await page.evaluate(() => {
      const seen: { at: number; text: string }[] = ((window as unknown as { __bytes: unknown }).__bytes = []) as never;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="upload-bytes"]')?.textContent;
        if (text && seen.at(-1)?.text !== text) seen.push({ at: performance.now(), text });
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const clickedAt = await page.evaluate(() => performance.now());
    await form.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(form.getByTestId('upload-summary')).toContainText(`Done: 100,000 of 100,000 lines written`, { timeout: 60_000 });
    await expect(form.getByTestId('upload-summary')).toContainText(/\(p0: [\d,]+, p1: [\d,]+, p2: [\d,]+\)/);
    await expect(form.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

    const seen = await page.evaluate(() => (window as unknown as { __bytes: { at: number; text: string }[] }).__bytes);
    const mib = Math.round((size / 1024 / 1024) * 10) / 10;
    // Figures part-way through the file: more than nothing sent, less than all of it.
    const partial = seen.filter((s) => {
      const match = new RegExp(`^Sending ([\\d.]+) of ${mib} MiB, (\\d+)%$`).exec(s.text);
      return match !== null && Number(match[1]) > 0 && Number(match[2]) < 100;
    });
    expect(partial.length, JSON.stringify(seen.slice(0, 5))).toBeGreaterThan(0);
    // The first one shows within a second of the click.
    expect(partial[0].at - clickedAt).toBeLessThan(1000);
  });
});
