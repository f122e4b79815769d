import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/topics/new`: the create-topic form. */
export class CreateTopicPage {
  constructor(readonly page: Page) {}

  goto(cluster: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/topics/new`);
  }

  name() {
    return this.page.getByLabel('Topic name');
  }

  partitions() {
    return this.page.getByLabel('Partitions');
  }

  replicationFactor() {
    return this.page.getByLabel('Replication factor', { exact: false }).first();
  }

  retention() {
    return this.page.getByLabel(/Retention/);
  }

  cliPreview() {
    return this.page.getByTestId('cli-preview');
  }

  submit() {
    return this.page.getByRole('button', { name: 'Create topic' });
  }
}
