import { expect, type Page } from '@playwright/test';

/** The Kafka Connect pages: the connectors list, the create form and a connector's page. */
export class ConnectPage {
  constructor(private readonly page: Page) {}

  async open(cluster: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}`);
    await this.page.getByRole('navigation', { name: 'Cluster sections' }).getByRole('link', { name: 'Connect' }).click();
    await expect(this.page.getByRole('heading', { name: 'Kafka Connect' })).toBeVisible();
  }

  section = (connect: string) => this.page.getByRole('region', { name: `Connect cluster ${connect}` });
  connectorLink = (connect: string, name: string) => this.section(connect).getByRole('link', { name, exact: true });

  async startCreate(connect: string) {
    await this.section(connect).getByRole('link', { name: 'Create connector' }).click();
    await expect(this.page.getByRole('heading', { name: `Create a connector on ${connect}` })).toBeVisible();
  }

  /** The whole config as JSON (the raw editor behind the generated form's "Edit as JSON"). */
  async fillConnector(name: string, config: Record<string, string>) {
    await this.page.getByLabel('Connector name', { exact: true }).fill(name);
    await this.page.getByLabel('Plugin', { exact: true }).selectOption(config['connector.class']);
    const toJson = this.page.getByRole('button', { name: 'Edit as JSON' });
    if (await toJson.isVisible()) await toJson.click();
    await this.page.getByLabel('Config JSON').fill(JSON.stringify(config, null, 2));
  }

  /** A field of the form generated from the plugin's definition, by its name (display name, then key when they differ). */
  field = (name: string) => this.page.getByRole('textbox', { name, exact: true }).or(this.page.getByRole('combobox', { name, exact: true }));
  group = (name: string) => this.page.getByRole('group', { name: `${name} settings` });

  configErrors = () => this.page.getByRole('region', { name: 'Config errors' });
  curl = () => this.page.getByRole('region', { name: 'curl command' });
  state = () => this.page.getByLabel('Connector state');
}
