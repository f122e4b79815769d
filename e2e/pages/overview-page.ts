import type { Page } from '@playwright/test';

/** The cluster overview page, `/clusters/{cluster}`. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  goto(cluster: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}`);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  stat(label: string) {
    return this.page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
  }

  brokersTable() {
    return this.page.getByRole('table', { name: 'Brokers' });
  }

  brokerRow(nodeId: number) {
    return this.page.getByTestId(`broker-${nodeId}`);
  }

  clusterSwitcher() {
    return this.page.getByRole('combobox', { name: 'Cluster' });
  }

  unreachableAlert() {
    return this.page.getByRole('alert').filter({ hasText: 'Cannot reach cluster' });
  }

  credentialsRefusedAlert() {
    return this.page.getByRole('alert').filter({ hasText: 'Kafka refused the dashboard’s credentials' });
  }
}
