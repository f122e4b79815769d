import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/topics/{topic}` with its tabs and dialogs. */
export class TopicPage {
  constructor(readonly page: Page) {}

  tab(label: string) {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label });
  }

  partitionRows() {
    return this.page.getByRole('table', { name: 'Partitions' }).locator('tbody tr');
  }

  replicaGrid() {
    return this.page.getByRole('table', { name: 'Replica layout' });
  }

  configRow(name: string) {
    return this.page.getByTestId(`config-${name}`);
  }

  editConfig(name: string) {
    return this.page.getByRole('button', { name: `Edit ${name}` });
  }

  dialog(title: string) {
    return this.page.getByRole('dialog', { name: title });
  }
}
