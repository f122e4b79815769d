import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { createTopicsWithLeaders } from '../tests/support/topics';

// Every page carries a Content-Security-Policy whose scripts need this response's nonce: the app
// runs under it without a single violation, and injected markup cannot run script.

const scriptSrc = (policy: string | undefined) => policy?.split('; ').find((d) => d.startsWith('script-src ')) ?? '';

/**
 * Violations as the console reports them, and as `securitypolicyviolation` events: a caught
 * `new Function` (zod's eval probe) fires the event without a console line.
 */
function collectViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

test('pages are served with a fresh nonce-based policy, and run under it without violations', async ({ page }) => {
  const violations = collectViolations(page);
  const first = await page.goto('/clusters/local');
  const policy = first!.headers()['content-security-policy'];
  const nonce = scriptSrc(policy).match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc(policy)).toContain("'strict-dynamic'");
  expect(scriptSrc(policy)).not.toContain('unsafe-inline');
  expect(scriptSrc(policy)).not.toContain('unsafe-eval');
  expect(policy).toContain("frame-ancestors 'none'");
  await expect(page.getByTestId('broker-2')).toBeVisible();

  // Every script the server rendered carries this response's nonce.
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  const second = await page.goto('/clusters/local/topics');
  expect(scriptSrc(second!.headers()['content-security-policy'])).not.toContain(`'nonce-${nonce}'`);
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  await page.goto('/clusters/local/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('markup injected into a page cannot run script (inline handlers are refused)', async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto('/clusters/local');
  await expect(page.getByTestId('broker-0')).toBeVisible();
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="window.__pwned = 1" onerror="window.__pwned = 1">'));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the forms that validate input (create topic, the messages filter) run under the policy too', async ({ page }) => {
  // zod compiles parsers with `new Function` unless told not to: its probe alone is a violation.
  const kafka = new Kafka({ clientId: 'e2e-csp', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const topic = `e2e-csp-${Date.now()}`;
  await admin.connect();
  try {
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
    const violations = collectViolations(page);
    await page.goto('/clusters/local/topics/new');
    await page.getByLabel('Topic name').fill('a bad name!');
    await page.getByRole('button', { name: 'Create topic' }).click();
    await expect(page.getByText('Topic name may only contain ASCII letters').first()).toBeVisible();
    await page.goto(`/clusters/local/topics/${topic}/messages?from=earliest&filter=a%2B&filterMode=regex`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(topic);
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
});
