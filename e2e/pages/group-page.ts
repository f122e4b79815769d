import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/groups/{group}`. */
export class GroupPage {
  constructor(readonly page: Page) {}

  goto(cluster: string, groupId: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(groupId)}`);
  }

  stat(label: string) {
    return this.page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
  }

  partitionLag(topic: string, partition: number) {
    return this.page.getByTestId(`offset-${topic}-${partition}`).getByTestId('lag');
  }

  chart() {
    return this.page.getByTestId('lag-chart');
  }

  resetDialog() {
    return this.page.getByRole('dialog', { name: 'Reset offsets' });
  }
}
