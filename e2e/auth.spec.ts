import { expect, test } from '@playwright/test';
import { AUTH_PORT } from '../playwright.config';
import { screenshot } from './support';

test.use({ baseURL: `http://127.0.0.1:${AUTH_PORT}` });

test('with AUTH_USERS, pages need a login; a viewer reads but cannot change', async ({ page }) => {
  await test.step('a page sends you to /login and the API answers 401', async () => {
    await page.goto('/clusters/local/topics');
    await expect(page).toHaveURL(/\/login\?next=%2Fclusters%2Flocal%2Ftopics$/);
    const api = await page.request.get('/api/clusters');
    expect(api.status()).toBe(401);
  });

  await test.step('a wrong password is refused with a clear message', async () => {
    await page.getByLabel('Username').fill('viewer');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('form', { name: 'Log in' }).getByRole('alert')).toContainText('Wrong username or password');
    await screenshot(page, 'login');
  });

  await test.step('the viewer logs in, lands where they wanted, and cannot create a topic', async () => {
    await page.getByLabel('Password').fill('viewer-secret');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
    await expect(page.getByText('viewer (viewer)')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create topic' })).toHaveCount(0); // controls hidden for viewers
    const create = await page.request.post('/api/clusters/local/topics', { data: { name: 'viewer-was-here', partitions: 1, replicationFactor: 1 } });
    expect(create.status()).toBe(403);
    // The upload route sits outside the proxy (to stream big files) and checks the session itself.
    const upload = await page.request.post('/api/clusters/local/topics/any/messages/upload', {
      data: Buffer.from('x\n'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.status()).toBe(403);
  });

  await test.step('log out', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get('/api/clusters')).status()).toBe(401);
    const upload = await page.request.post('/api/clusters/local/topics/any/messages/upload', {
      data: Buffer.from('x\n'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.status()).toBe(401);
  });
});

test('after login, `next` never leads to another site', async ({ page, baseURL }) => {
  for (const next of ['/%5Cevil.example/', '/%5C%5Cevil.example/', '/%09/evil.example/', '//evil.example/', 'https://evil.example/']) {
    await test.step(next, async () => {
      await page.context().clearCookies();
      await page.goto(`/login?next=${next}`);
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill('admin-secret');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByRole('heading', { name: 'Brokers' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(baseURL);
    });
  }
});
