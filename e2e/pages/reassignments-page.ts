import { expect, type Page } from '@playwright/test';

/** The Reassignments page: moves in progress and the planner. */
export class ReassignmentsPage {
  constructor(private readonly page: Page) {}

  async open(cluster: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}`);
    await this.page.getByRole('navigation', { name: 'Cluster sections' }).getByRole('link', { name: 'Reassignments' }).click();
    await expect(this.page.getByRole('heading', { name: 'Partition reassignments' })).toBeVisible();
  }

  async plan(topic: string, brokers: number[]) {
    await this.page.getByLabel('Filter topics').fill(topic);
    await this.page.getByRole('checkbox', { name: topic, exact: true }).check();
    for (const id of [0, 1, 2]) {
      const box = this.page.getByRole('checkbox', { name: `Broker ${id}`, exact: true });
      if (brokers.includes(id)) await box.check();
      else await box.uncheck();
    }
    await this.page.getByRole('button', { name: 'Propose a layout' }).click();
  }

  summary = () => this.page.getByTestId('plan-summary');
  grid = () => this.page.getByTestId('plan-grid');
}
