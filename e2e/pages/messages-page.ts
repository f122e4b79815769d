import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/topics/{topic}/messages`: the live tail, produce and upload. */
export class MessagesPage {
  constructor(readonly page: Page) {}

  goto(cluster: string, topic: string, query = '') {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages${query}`);
  }

  counters() {
    return this.page.getByTestId('tail-counters');
  }

  rows() {
    return this.page.getByTestId('message-row');
  }

  produceForm() {
    return this.page.getByRole('form', { name: 'Produce a message' });
  }

  uploadGroup() {
    return this.page.getByRole('group', { name: 'Produce from a file' });
  }
}
