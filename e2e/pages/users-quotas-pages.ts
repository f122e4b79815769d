import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/users`. */
export class UsersPage {
  constructor(readonly page: Page) {}

  goto(cluster: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/users`);
  }

  formDialog() {
    return this.page.getByRole('dialog', { name: 'Create SCRAM user' });
  }

  deleteDialog() {
    return this.page.getByRole('dialog', { name: 'Delete SCRAM user' });
  }

  userCell(name: string) {
    return this.page.getByRole('cell', { name, exact: true });
  }
}

/** `/clusters/{cluster}/quotas`. */
export class QuotasPage {
  constructor(readonly page: Page) {}

  goto(cluster: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/quotas`);
  }

  formDialog() {
    return this.page.getByRole('dialog', { name: 'Set quota' });
  }

  entityCell(described: string) {
    return this.page.getByRole('cell', { name: described, exact: true });
  }
}
