import type { Page } from '@playwright/test';

/** `/clusters/{cluster}/schema-registry/subjects/{subject}`. */
export class SubjectPage {
  constructor(readonly page: Page) {}

  goto(cluster: string, subject: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/schema-registry/subjects/${encodeURIComponent(subject)}`);
  }

  versions() {
    return this.page.getByRole('navigation', { name: 'Versions' }).getByRole('link');
  }

  schema(version: number) {
    return this.page.getByLabel(`Schema of version ${version}`);
  }

  tab(name: string) {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
  }

  registerForm() {
    return this.page.getByRole('form', { name: 'Register a new version' });
  }

  diff(older: number, newer: number) {
    return this.page.getByLabel(`Diff of versions ${older} and ${newer}`);
  }
}
