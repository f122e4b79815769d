import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/groups`: the consumer group list, searched, filtered, sorted and paged on the server. */
export class GroupsListPage {
  constructor(readonly page: Page) {}

  goto(cluster: string, query = '') {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/groups${query}`);
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search groups' });
  }

  /** The group ids of the rows shown, top to bottom. */
  groupIds() {
    return this.page.getByRole('table', { name: 'Consumer groups' }).getByRole('row').getByRole('link').allTextContents();
  }

  firstGroupLink() {
    return this.page.getByRole('table', { name: 'Consumer groups' }).getByRole('link').first();
  }

  pageRange() {
    return this.page.getByTestId('page-range');
  }

  next() {
    return this.page.getByRole('button', { name: 'Next page' });
  }

  previous() {
    return this.page.getByRole('button', { name: 'Previous page' });
  }

  sortBy(label: string) {
    return this.page.getByRole('columnheader', { name: label }).getByRole('button');
  }
}
