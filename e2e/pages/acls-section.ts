import type { Page } from '@playwright/test';

/** The ACLs tab of a topic or group page, with its create and delete dialogs. */
export class AclsSection {
  constructor(readonly page: Page) {}

  /** The page's ACLs tab (exact: the cluster navigation, "Cluster sections", has an ACLs link too). */
  tab() {
    return this.page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'ACLs' });
  }

  createButton() {
    return this.page.getByRole('region', { name: 'ACLs' }).getByRole('button', { name: 'Create ACL' });
  }

  createDialog() {
    return this.page.getByRole('dialog', { name: 'Create ACL' });
  }

  principalGroup(principal: string) {
    return this.page.getByRole('region', { name: `ACLs of ${principal}` });
  }

  deleteButton(description: string) {
    return this.page.getByRole('button', { name: `Delete ACL: ${description}` });
  }

  deleteDialog() {
    return this.page.getByRole('dialog', { name: 'Delete ACL' });
  }
}
