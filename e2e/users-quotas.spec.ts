import { expect, test } from '@playwright/test';
import { QuotasPage, UsersPage } from './pages/users-quotas-pages';
import { kafkaCli, screenshot } from './support';

const cliUser = (name: string) =>
  kafkaCli('configs', '--describe', '--entity-type', 'users', '--entity-name', name)
    .split('\n')
    .find((l) => l.includes(`'${name}'`)) ?? '';
const cliQuota = (user: string) =>
  kafkaCli('configs', '--describe', '--entity-type', 'users', '--entity-name', user)
    .split('\n')
    .find((l) => l.startsWith('Quota configs')) ?? '';

/** Undoes what a failed step may have left; a failure here must not hide the step's own. */
function cleanUp(...args: string[]) {
  try {
    kafkaCli('configs', '--alter', ...args);
  } catch {
    // nothing was left
  }
}

test('create a SCRAM user from the Users page, see it listed, delete it', async ({ page }) => {
  const name = `e2e-user-${Date.now()}`;
  const password = `e2e-pw-${Date.now()}`;
  const users = new UsersPage(page);
  let deleted = false;
  try {
    await test.step('create it with SCRAM-SHA-512 and 8192 iterations; the command shows the password masked', async () => {
      await users.goto('local');
      await page.getByRole('navigation', { name: 'Cluster sections' }).getByRole('link', { name: 'Users' }).waitFor();
      await page.getByRole('button', { name: 'Create user' }).click();
      const dialog = users.formDialog();
      await dialog.getByLabel('User name').fill(name);
      await dialog.getByLabel('Mechanism').selectOption('SCRAM-SHA-512');
      await dialog.getByLabel('Password').fill(password);
      await dialog.getByLabel(/Iterations/).fill('8192');
      await expect(dialog.getByTestId('user-cli')).toHaveText(
        `kafka-configs.sh --bootstrap-server 127.0.0.1:19092 --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password=********]' --entity-type users --entity-name ${name}`,
      );
      await expect(dialog.getByTestId('user-cli')).not.toContainText(password);
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('listed with its mechanism, as kafka-configs describes it', async () => {
      await expect(users.userCell(name)).toBeVisible();
      await expect(users.userCell(name).locator('xpath=following-sibling::td[1]')).toHaveText('SCRAM-SHA-512 (8192 iterations)');
      expect(cliUser(name)).toContain('SCRAM-SHA-512=iterations=8192');
      await expect(page.locator('body')).not.toContainText(password);
      await screenshot(page, 'users-listed');
    });

    await test.step('delete it after confirming', async () => {
      await page.getByRole('button', { name: `Delete ${name}` }).click();
      await users.deleteDialog().getByRole('button', { name: 'Delete' }).click();
      await expect(users.userCell(name)).toBeHidden();
      expect(cliUser(name)).toBe('');
      deleted = true;
    });
  } finally {
    // Only what a failed step left behind (the tool prints an error for a credential that is gone).
    if (!deleted) cleanUp('--entity-type', 'users', '--entity-name', name, '--delete-config', 'SCRAM-SHA-512');
  }
});

test('set a quota for a user from the Quotas page, then remove it', async ({ page }) => {
  const user = `e2e-quser-${Date.now()}`;
  const quotas = new QuotasPage(page);
  let removed = false;
  try {
    await test.step('set producer_byte_rate for a user', async () => {
      await quotas.goto('local');
      await page.getByRole('button', { name: 'Set quota' }).click();
      const dialog = quotas.formDialog();
      await dialog.getByLabel('Entity').selectOption('user');
      await dialog.getByRole('textbox', { name: 'User' }).fill(user);
      await dialog.getByLabel('producer_byte_rate').fill('1048576');
      await expect(dialog.getByTestId('quota-cli')).toHaveText(
        `kafka-configs.sh --bootstrap-server 127.0.0.1:19092 --alter --add-config producer_byte_rate=1048576 --entity-type users --entity-name ${user}`,
      );
      await dialog.getByRole('button', { name: 'Save quota' }).click();
      await expect(dialog).toBeHidden();
      await expect(quotas.entityCell(`user ${user}`)).toBeVisible();
      await expect(quotas.entityCell(`user ${user}`).locator('xpath=following-sibling::td[1]')).toHaveText('producer_byte_rate=1048576');
      expect(cliQuota(user)).toContain('producer_byte_rate=1048576.0');
      await screenshot(page, 'quotas-set');
    });

    await test.step('remove it after confirming', async () => {
      page.once('dialog', (confirm) => void confirm.accept());
      await page.getByRole('button', { name: `Remove quota of user ${user}` }).click();
      await expect(quotas.entityCell(`user ${user}`)).toBeHidden();
      expect(cliQuota(user)).toBe('');
      removed = true;
    });
  } finally {
    if (!removed) cleanUp('--entity-type', 'users', '--entity-name', user, '--delete-config', 'producer_byte_rate');
  }
});
