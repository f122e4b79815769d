import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';
import { screenshot } from './support';
import { createTopicsWithLeaders, idempotentProducer } from '../tests/support/topics';

/**
 * Reading messages as a new user does: from the beginning (Browse, page by page), live (Pause shows
 * 0/s, an empty tail says from where it waits), a form that keeps what was typed, a missing topic.
 */
const kafka = new Kafka({ clientId: 'e2e-journey-read', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const run = Date.now();
const browsed = `e2e-read-browse-${run}`;
const empty = `e2e-read-empty-${run}`;
const PARTITIONS = 3;
const PER_PARTITION = 1000;
const T0 = run - 3_600_000;

const form = (page: Page) => page.getByRole('form', { name: 'Tail settings' });
const firstValue = (messages: MessagesPage) => messages.rows().first().getByTestId('message-value');

test.describe('reading messages', () => {
  const admin = kafka.admin();

  test.beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [
      { topic: browsed, numPartitions: PARTITIONS, replicationFactor: 3 },
      { topic: empty, numPartitions: PARTITIONS, replicationFactor: 1 },
    ]);
    const producer = idempotentProducer(kafka);
    await producer.connect();
    // Message j of partition p is stamped T0 + 3j + p: oldest first, the partitions take turns.
    for (let p = 0; p < PARTITIONS; p++) {
      await producer.send({
        topic: browsed,
        acks: -1,
        messages: Array.from({ length: PER_PARTITION }, (_, j) => ({ partition: p, timestamp: String(T0 + j * PARTITIONS + p), value: `p${p} o${j}` })),
      });
    }
    await producer.disconnect();
  });

  test.afterAll(async () => {
    await admin.deleteTopics({ topics: [browsed, empty] }).catch(() => {});
    await admin.disconnect();
  });

  test('from the beginning with default settings: offset 0 on top, then Next page continues where it stopped', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', browsed);
    await form(page).getByLabel('Start at').selectOption('earliest');
    await form(page).getByRole('button', { name: 'Start' }).click();
    await expect(page).toHaveURL(/[?&]from=earliest(&|$)/);
    await expect(firstValue(messages)).toHaveText('p0 o0');
    await expect(form(page).getByLabel('Read mode')).toHaveValue('browse');
    // 500 per page, oldest first: p0..p2 take turns, so the page ends after p1's offset 166.
    await expect(messages.counters()).toContainText('Page 1 · 500 messages · next page from offset 167 on p0, 167 on p1, 166 on p2');
    await expect(messages.rows().nth(1).getByTestId('message-value')).toHaveText('p1 o0');
    await screenshot(page, 'read-browse-page-1');

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(messages.counters()).toContainText('Page 2 · 500 messages · next page from offset 334 on p0, 333 on p1, 333 on p2');
    await expect(firstValue(messages)).toHaveText('p2 o166');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(messages.counters()).toContainText('Page 1 · 500 messages');
    await expect(firstValue(messages)).toHaveText('p0 o0');

    // The link is the read: page size and mode come with it.
    await messages.goto('local', browsed, '?from=earliest&size=100');
    await expect(messages.counters()).toContainText('Page 1 · 100 messages · next page from offset 34 on p0, 33 on p1, 33 on p2');
    await expect(firstValue(messages)).toHaveText('p0 o0');
    await expect(form(page).getByLabel('Page size')).toHaveValue('100');
  });

  test('the form keeps what was typed when Keep or Order change', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', browsed);
    await expect(messages.counters()).toContainText('Live');
    await form(page).getByLabel('Start at').selectOption('earliest');
    await form(page).getByLabel('Filter', { exact: true }).fill('o99');
    await page.getByLabel('Messages kept').selectOption('20000');
    await expect(page).toHaveURL(/max=20000/);
    await page.getByLabel('Order').selectOption('oldest');
    await expect(page).toHaveURL(/order=oldest/);
    await expect(form(page).getByLabel('Start at')).toHaveValue('earliest');
    await expect(form(page).getByLabel('Filter', { exact: true })).toHaveValue('o99');
  });

  test('an invalid regular expression is shown beside the filter, and nothing typed is lost', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', browsed);
    await form(page).getByLabel('Start at').selectOption('offset');
    await form(page).getByLabel('Start offset').fill('120');
    await form(page).getByLabel('Partitions').fill('1');
    await form(page).getByLabel('Filter mode').selectOption('regex');
    await form(page).getByLabel('Filter', { exact: true }).fill('o(1');
    const filter = form(page).getByLabel('Filter', { exact: true });
    await expect(filter).toHaveAttribute('aria-invalid', 'true');
    await expect(form(page).getByRole('alert')).toHaveText(/^Invalid regular expression: /);
    await form(page).getByRole('button', { name: 'Start' }).click();
    await expect(form(page).getByLabel('Start at')).toHaveValue('offset');
    await expect(form(page).getByLabel('Start offset')).toHaveValue('120');
    await expect(form(page).getByLabel('Partitions')).toHaveValue('1');
    await expect(filter).toHaveValue('o(1');
    expect(new URL(page.url()).search).toBe('');
    // Mended, it applies.
    await filter.fill('o1\\d\\d$');
    await form(page).getByRole('button', { name: 'Start' }).click();
    await expect(firstValue(messages)).toHaveText('p1 o120');
    await expect(messages.counters()).toContainText('matched 80 of');
  });

  test('a bad shared link marks the wrong field and keeps the rest', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', browsed, `?from=earliest&partitions=2&filter=${encodeURIComponent('(a')}&filterMode=regex&size=100`);
    await expect(form(page).getByLabel('Filter', { exact: true })).toHaveValue('(a');
    await expect(form(page).getByLabel('Filter', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form(page).getByRole('alert')).toHaveText(/^Invalid regular expression: /);
    await expect(form(page).getByLabel('Start at')).toHaveValue('earliest');
    await expect(form(page).getByLabel('Partitions')).toHaveValue('2');
    await expect(form(page).getByLabel('Page size')).toHaveValue('100');
    await expect(page.getByText(/settings are invalid/)).toHaveCount(0);
    await expect(messages.rows()).toHaveCount(0);

    await messages.goto('local', browsed, '?from=earliest&partitions=7');
    await expect(form(page).getByRole('alert')).toHaveText('This topic has no partition 7 (it has 0–2)');
    await expect(form(page).getByLabel('Partitions')).toHaveValue('7');
  });

  test('an empty live tail says from where it waits; after Pause the rate is 0/s and the button says Resume', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', empty);
    await expect(messages.counters()).toContainText('Waiting for messages… from offset 0 on all 3 partitions');

    const producer = idempotentProducer(kafka);
    await producer.connect();
    let producing = true;
    const flow = (async () => {
      for (let i = 0; producing; i++) await producer.send({ topic: empty, messages: Array.from({ length: 50 }, (_, j) => ({ value: `m${i}-${j}` })) });
    })();
    try {
      await expect(messages.counters()).toContainText(/· [1-9][\d,]*\/s/);
      await expect(messages.counters()).not.toContainText('Waiting');
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
      await expect(messages.counters()).toContainText('Paused');
      await expect(messages.counters()).toContainText('· 0/s');
      await screenshot(page, 'read-live-paused');
    } finally {
      producing = false;
      await flow;
      await producer.disconnect();
    }
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('a topic that does not exist says so, without the form', async ({ page }) => {
    const messages = new MessagesPage(page);
    await messages.goto('local', `e2e-read-missing-${run}`);
    await expect(page.getByRole('alert').filter({ hasText: 'No such topic' })).toBeVisible();
    await expect(form(page)).toHaveCount(0);
    await expect(page.getByText(/connection .* lost/)).toHaveCount(0);
  });
});
