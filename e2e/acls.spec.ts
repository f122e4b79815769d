import { expect, test } from '@playwright/test';
import { AclsSection } from './pages/acls-section';
import { kafkaCli, screenshot } from './support';

const run = Date.now();
const topic = `e2e-acls-${run}`;
const principal = `User:e2e-acl-${run}`;
const listed = () => kafkaCli('acls', '--list', '--principal', principal);

test.beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '1', '--replication-factor', '1');
});

test.afterAll(() => {
  // Whatever the test got to, no ACL of its principal and not its topic stays behind.
  kafkaCli('acls', '--remove', '--force', '--topic', topic);
  kafkaCli('topics', '--delete', '--topic', topic);
  expect(listed()).not.toContain('ResourcePattern');
});

test('create an ACL on the topic page, see it as kafka-acls lists it, and delete it', async ({ page }) => {
  const acls = new AclsSection(page);
  const description = `DENY WRITE for ${principal} on TOPIC ${topic}`;

  await test.step('open the ACLs tab: nothing applies yet', async () => {
    await page.goto(`/clusters/local/topics/${topic}?tab=acls`);
    await expect(acls.tab()).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('No ACL applies to this topic')).toBeVisible();
  });

  await test.step('create a DENY WRITE, with the kafka-acls command shown', async () => {
    await acls.createButton().click();
    const dialog = acls.createDialog();
    await dialog.getByLabel('Principal').fill('alice');
    await expect(dialog.getByTestId('acl-problem')).toContainText('Type:name');
    await expect(dialog.getByRole('button', { name: 'Create ACL' })).toBeDisabled();
    await dialog.getByLabel('Principal').fill(principal);
    await dialog.getByLabel('Operation').selectOption('WRITE');
    await dialog.getByLabel('DENY').check();
    await expect(dialog.getByTestId('cli-preview')).toHaveText(
      `kafka-acls.sh --bootstrap-server 127.0.0.1:19092 --add --deny-principal ${principal} --deny-host '*' --operation Write --topic ${topic}`,
    );
    await screenshot(page, 'acl-create');
    await dialog.getByRole('button', { name: 'Create ACL' }).click();
    await expect(dialog).toBeHidden();
    await expect(acls.deleteButton(description)).toBeVisible();
    expect(listed()).toContain(`(principal=${principal}, host=*, operation=WRITE, permissionType=DENY)`);
    await screenshot(page, 'topic-acls');
  });

  await test.step('delete it after the preview names it', async () => {
    await acls.deleteButton(description).click();
    const dialog = acls.deleteDialog();
    await expect(dialog.getByTestId('acl-delete-preview')).toHaveText('1 ACL will be deleted:');
    await expect(dialog.getByTestId('cli-preview')).toHaveText(
      `kafka-acls.sh --bootstrap-server 127.0.0.1:19092 --remove --force --deny-principal ${principal} --deny-host '*' --operation Write --topic ${topic}`,
    );
    await dialog.getByRole('button', { name: 'Delete 1 ACL' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Deleted 1 ACL.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(acls.deleteButton(description)).toBeHidden();
    await expect(page.getByText('No ACL applies to this topic')).toBeVisible();
    expect(listed()).not.toContain('ResourcePattern');
  });
});
