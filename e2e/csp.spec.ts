import { expect, test, type Page } from '@playwright/test';

// Every page carries a Content-Security-Policy whose scripts need this response's nonce: the app
// runs under it without a single violation, and injected markup cannot run script.

const scriptSrc = (policy: string | undefined) => policy?.split('; ').find((d) => d.startsWith('script-src ')) ?? '';

function collectViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
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
