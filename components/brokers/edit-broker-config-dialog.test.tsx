import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConfigEntry } from '@/lib/types/topics';
import { apiError, type FakeAnswer, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { EditBrokerConfigDialog } from './edit-broker-config-dialog';

const ENTRY: ConfigEntry = { name: 'log.cleaner.backoff.ms', value: '15000', isDefault: true, isSensitive: false, readOnly: false, source: 'DEFAULT_CONFIG' };
const CHECK_URL = 'PATCH /api/clusters/c1/brokers/1/configs?dryRun=true';

/** Answers a dry run as the server does: accepted with what would change, or the broker's refusal of "soon". */
const dryRunAnswer = ({ body }: { body: unknown }): FakeAnswer => {
  const to = (body as { configs: Record<string, string> }).configs[ENTRY.name]!;
  if (to === 'soon') return apiError(400, 'INVALID_CONFIG', 'Invalid value soon for configuration log.cleaner.backoff.ms: Not a number of type LONG');
  return { body: { dryRun: true, changes: [{ name: ENTRY.name, from: '15000', source: 'DEFAULT_CONFIG', to }] } };
};

async function renderDialog() {
  const server = fakeFetch({
    'GET /api/clusters': { body: { clusters: [{ name: 'c1', bootstrap: 'kafka-1:9092' }], readOnly: false } },
    [CHECK_URL]: dryRunAnswer,
  });
  render(<EditBrokerConfigDialog cluster="c1" nodeId={1} entry={ENTRY} onClose={() => {}} />, { wrapper: withQueryClient(testQueryClient()) });
  return { server, user: userEvent.setup(), value: screen.getByLabelText('Config value') };
}

describe('EditBrokerConfigDialog: Check', () => {
  it('asks the broker with ?dryRun=true and shows what would change, changing nothing', async () => {
    const { server, user, value } = await renderDialog();
    await user.clear(value);
    await user.type(value, '14000');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const verdict = await screen.findByRole('status');
    expect(verdict.textContent).toContain('Kafka accepts this change');
    expect(verdict.textContent).toContain("log.cleaner.backoff.ms: 15000 (Kafka's default) → 14000");
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toEqual([{ method: 'PATCH', url: '/api/clusters/c1/brokers/1/configs?dryRun=true', body: { configs: { [ENTRY.name]: '14000' } } }]);
    // Editing the value puts the verdict away: it was about 14000.
    await user.type(value, '1');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it("shows the broker's refusal of a bad value", async () => {
    const { user, value } = await renderDialog();
    await user.clear(value);
    await user.type(value, 'soon');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Invalid value soon/));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
