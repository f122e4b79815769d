import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type FakeAnswer, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { ElectLeadersDialog } from './elect-leaders-dialog';

const ELECT_URL = 'POST /api/clusters/c1/elect-leaders';
const PARTITIONS = [0, 1, 2, 3].map((partition) => ({ topic: 'orders', partition }));

/** Answers an election as the server does: every partition asked for elected. */
const electAnswer = ({ body }: { body: unknown }): FakeAnswer => ({
  body: { results: (body as { partitions: { topic: string; partition: number }[] }).partitions.map((p) => ({ ...p, outcome: 'elected' })) },
});

async function renderDialog() {
  const server = fakeFetch({
    'GET /api/clusters': { body: { clusters: [{ name: 'c1', bootstrap: 'kafka-1:9092' }], readOnly: false } },
    [ELECT_URL]: electAnswer,
  });
  render(<ElectLeadersDialog cluster="c1" title="Elect leaders for orders" partitions={PARTITIONS} onClose={() => {}} />, {
    wrapper: withQueryClient(testQueryClient()),
  });
  const elections = () => server.requests.filter((r) => r.method === 'POST').map((r) => r.body);
  return { user: userEvent.setup(), elections };
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const electButton = () => screen.getByRole('button', { name: 'Elect preferred leaders' }) as HTMLButtonElement;

describe('ElectLeadersDialog: choosing partitions', () => {
  it("elects every one of the topic's partitions by default", async () => {
    const { user, elections } = await renderDialog();
    expect(PARTITIONS.every((p) => checkbox(`Partition ${p.partition}`).checked)).toBe(true);
    await user.click(electButton());
    await screen.findByRole('table', { name: 'Election results' });
    expect(elections()).toEqual([{ type: 'preferred', partitions: PARTITIONS }]);
  });

  it('posts only the partitions chosen, with the keyboard too, and the command names them', async () => {
    const { user, elections } = await renderDialog();
    await user.click(checkbox('Partition 1'));
    // Space on a focused box, as a keyboard user would.
    checkbox('Partition 3').focus();
    await user.keyboard(' ');
    expect(checkbox('Partition 3').checked).toBe(false);
    expect(screen.getByText(/All partitions \(2 of 4 chosen\)/)).toBeTruthy();
    expect(screen.getByText(/elect-leaders\.json/).textContent).toContain('{"partitions":[{"topic":"orders","partition":0},{"topic":"orders","partition":2}]}');
    await user.click(electButton());
    await waitFor(() => expect(elections()).toHaveLength(1));
    expect(elections()[0]).toEqual({ type: 'preferred', partitions: [PARTITIONS[0], PARTITIONS[2]] });
  });

  it('cannot elect with no partition chosen; "All partitions" chooses them all again', async () => {
    const { user, elections } = await renderDialog();
    const all = screen.getByRole('checkbox', { name: /All partitions/ }) as HTMLInputElement;
    await user.click(all);
    expect(PARTITIONS.some((p) => checkbox(`Partition ${p.partition}`).checked)).toBe(false);
    expect(electButton().disabled).toBe(true);
    await user.click(checkbox('Partition 2'));
    expect(all.indeterminate).toBe(true);
    await user.click(all);
    expect(all.checked && !all.indeterminate).toBe(true);
    await user.click(electButton());
    await waitFor(() => expect(elections()).toEqual([{ type: 'preferred', partitions: PARTITIONS }]));
  });
});
