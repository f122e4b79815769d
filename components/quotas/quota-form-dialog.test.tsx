import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QuotaChange } from '@/lib/types/quotas';
import { type FakeAnswer, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { QuotaFormDialog } from './quota-form-dialog';

/** Answers a dry run as the server does for alice, who has producer_byte_rate 1048576 and nothing else. */
const dryRunAnswer = ({ body }: { body: unknown }): FakeAnswer => {
  const { entity, values } = body as QuotaChange;
  const changes = Object.entries(values).map(([key, to]) => ({ key, from: key === 'producer_byte_rate' ? 1048576 : null, to }));
  return { body: { entity, values: {}, dryRun: true, changes } };
};

describe('QuotaFormDialog: Check', () => {
  it('asks Kafka with ?dryRun=true, shows what would change, and saves nothing until asked', async () => {
    const server = fakeFetch({ 'PUT /api/clusters/c1/quotas?dryRun=true': dryRunAnswer });
    const user = userEvent.setup();
    render(
      <QuotaFormDialog
        cluster="c1"
        bootstrap="kafka-1:9092"
        quota={{ entity: { user: 'alice' }, values: { producer_byte_rate: 1048576 } }}
        onClose={() => {}}
      />,
      {
        wrapper: withQueryClient(testQueryClient()),
      },
    );
    const producer = screen.getByLabelText('producer_byte_rate');
    await user.clear(producer);
    await user.type(producer, '2048');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const verdict = await screen.findByRole('status');
    expect(verdict.textContent).toContain('producer_byte_rate: 1048576 → 2048');
    expect(server.requests).toEqual([
      { method: 'PUT', url: '/api/clusters/c1/quotas?dryRun=true', body: { entity: { user: 'alice' }, values: { producer_byte_rate: 2048 } } },
    ]);
    await user.type(producer, '0');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
