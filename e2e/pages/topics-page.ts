import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/topics`: the searchable, sortable topic list. */
export class TopicsPage {
  constructor(readonly page: Page) {}

  goto(cluster: string, query = '') {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/topics${query}`);
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search topics' });
  }

  topicLink(name: string) {
    return this.page.getByRole('table', { name: 'Topics' }).getByRole('link', { name, exact: true });
  }

  rows() {
    return this.page.getByTestId('topic-row');
  }

  sortBy(label: string) {
    return this.page.getByRole('columnheader', { name: label }).getByRole('button');
  }
}
