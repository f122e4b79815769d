import { expect, test } from '@playwright/test';
import { SubjectPage } from './pages/subject-page';

// The registry pages against the real local schema registry (`cluster:start -- --schema-registry`),
// configured for the "local" cluster in playwright.config.ts. Subjects made here are hard-deleted.
const REGISTRY_URL = 'http://127.0.0.1:18081/apis/ccompat/v7';
const run = Date.now();
const topic = `e2e-sr-${run}`;
const subject = `${topic}-value`;
const record = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Visit', namespace: 'e2e', fields });
const v1 = record([{ name: 'path', type: 'string' }]);
const v2 = record([
  { name: 'path', type: 'string' },
  { name: 'referrer', type: ['null', 'string'], default: null },
]);
const incompatible = record([
  { name: 'path', type: 'string' },
  { name: 'status', type: 'int' },
]);

const registry = (path: string, init: RequestInit = {}) =>
  fetch(`${REGISTRY_URL}${path}`, { ...init, headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' } });

test.beforeAll(async ({ request }) => {
  expect((await registry(`/subjects/${encodeURIComponent(subject)}/versions`, { method: 'POST', body: JSON.stringify({ schema: v1 }) })).status).toBe(200);
  expect((await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1, replicationFactor: 1 } })).status()).toBe(201);
});

test.afterAll(async ({ request }) => {
  await request.delete(`/api/clusters/local/topics/${topic}`);
  await registry(`/subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' });
  await registry(`/subjects/${encodeURIComponent(subject)}?permanent=true`, { method: 'DELETE' });
});

test('registers a new schema version from the page, sees it listed and its diff, and sees a refusal', async ({ page }) => {
  const subjectPage = new SubjectPage(page);

  await test.step('the topic links the subject bound to its values', async () => {
    await page.goto(`/clusters/local/topics/${topic}`);
    await page.getByRole('region', { name: 'Schemas' }).getByRole('link', { name: subject }).click();
    await expect(page).toHaveURL(new RegExp(`/schema-registry/subjects/${subject}\\?version=1$`));
    await expect(subjectPage.schema(1)).toContainText('"name": "path"');
  });

  await test.step('the subject is found from the registry page', async () => {
    await page.getByRole('navigation', { name: 'Cluster sections' }).getByRole('link', { name: 'Schema registry' }).click();
    await page.getByRole('searchbox', { name: 'Search subjects' }).fill(topic);
    await expect(page).toHaveURL(new RegExp(`q=${topic}`));
    await page.getByRole('link', { name: subject }).click();
    await expect(subjectPage.versions()).toHaveText(['1']);
  });

  await test.step('a compatible version is registered, listed, and diffed against the previous one', async () => {
    await subjectPage.tab('Register new version').click();
    const form = subjectPage.registerForm();
    await form.getByRole('textbox', { name: 'Schema', exact: true }).fill(v2);
    await form.getByRole('button', { name: 'Register version' }).click();
    await expect(page).toHaveURL(/tab=diff&version=2&compare=1/);
    await expect(subjectPage.versions()).toHaveText(['1', '2']);
    const diff = subjectPage.diff(1, 2);
    await expect(diff.locator('[data-diff="added"]', { hasText: '"name": "referrer"' })).toBeVisible();
    await expect(diff.locator('[data-diff="same"]', { hasText: '"name": "path"' })).toBeVisible();
    const listed = await (await registry(`/subjects/${encodeURIComponent(subject)}/versions`)).json();
    expect(listed).toEqual([1, 2]);
  });

  await test.step("an incompatible version is refused with the registry's own message", async () => {
    await subjectPage.tab('Register new version').click();
    const form = subjectPage.registerForm();
    await form.getByRole('textbox', { name: 'Schema', exact: true }).fill(incompatible);
    await form.getByRole('button', { name: 'Register version' }).click();
    await expect(form.getByRole('alert')).toContainText('Failed to register the schema');
    await expect(form.getByRole('alert')).toContainText('(INCOMPATIBLE_SCHEMA)');
    const direct = await registry(`/subjects/${encodeURIComponent(subject)}/versions`, { method: 'POST', body: JSON.stringify({ schema: incompatible }) });
    expect(direct.status).toBe(409);
    await expect(form.getByRole('alert')).toContainText((await direct.json()).message);
    await expect(subjectPage.versions()).toHaveText(['1', '2']);
  });
});
