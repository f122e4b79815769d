import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { GroupDetails, GroupPartitionOffset } from '@/lib/types/groups';
import { apiError, type FakeAnswer, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { ResetOffsetsDialog } from './reset-offsets-dialog';

const offset = (topic: string, partition: number, committedOffset: number, logEndOffset: number) =>
  ({ topic, partition, committedOffset, logEndOffset, lag: logEndOffset - committedOffset }) as GroupPartitionOffset;

/** Group "billing" on orders (partitions 0–2) and audit (partition 0); Empty unless told. */
const group = (state = 'Empty'): GroupDetails =>
  ({
    groupId: 'billing',
    state,
    members: state === 'Empty' ? [] : [{ memberId: 'm1' }, { memberId: 'm2' }],
    offsets: [offset('orders', 0, 50, 100), offset('orders', 1, 10, 20), offset('orders', 2, 0, 30), offset('audit', 0, 5, 5)],
  }) as GroupDetails;

const RESET_URL = 'POST /api/clusters/c1/groups/billing/offsets';
const CLUSTERS: Record<string, FakeAnswer> = {
  'GET /api/clusters': { body: { clusters: [{ name: 'c1', bootstrap: 'kafka-1:9092,kafka-2:9092' }], readOnly: false } },
};

/** Answers a reset as the server would for orders 0 and 2 moved to offset 42 (dry run or not, as asked). */
const resetAnswer = ({ body }: { body: unknown }): FakeAnswer => ({
  body: {
    dryRun: (body as { dryRun: boolean }).dryRun,
    changes: [
      { topic: 'orders', partition: 0, from: 50, to: 42, logEndOffset: 100 },
      { topic: 'orders', partition: 2, from: 0, to: 42, logEndOffset: 30 },
    ],
  },
});

async function renderDialog(state = 'Empty', routes: Record<string, FakeAnswer | typeof resetAnswer> = { [RESET_URL]: resetAnswer }) {
  const server = fakeFetch({ ...CLUSTERS, ...routes });
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(<ResetOffsetsDialog cluster="c1" group={group(state)} onClose={onClose} />, { wrapper: withQueryClient(testQueryClient()) });
  await waitFor(() => expect(server.requests.map((r) => r.url)).toContain('/api/clusters'));
  const resets = () => server.requests.filter((r) => r.method === 'POST').map((r) => r.body);
  return { user, onClose, resets };
}

const cli = () => screen.getByTestId('reset-cli').textContent;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('ResetOffsetsDialog', () => {
  it('asks where to move the offsets first: no default target, no preview, no command', async () => {
    await renderDialog();
    expect(screen.getByLabelText('Move to')).toHaveProperty('value', '');
    expect(button('Preview').disabled).toBe(true);
    expect(button('Apply reset').disabled).toBe(true);
    expect(screen.queryByTestId('reset-cli')).toBeNull();
  });

  it('shows the kafka-consumer-groups command for the choice, as a dry run until previewed', async () => {
    const { user } = await renderDialog();
    await user.selectOptions(screen.getByLabelText('Move to'), 'Earliest offset');
    await waitFor(() => expect(cli()).toContain('kafka-1:9092'));
    expect(cli()).toBe('kafka-consumer-groups.sh --bootstrap-server kafka-1:9092 --group billing --reset-offsets --topic orders --to-earliest --dry-run');
    expect(button('Preview').disabled).toBe(false);
    await user.selectOptions(screen.getByRole('combobox', { name: /^Topic/ }), 'audit');
    expect(cli()).toContain('--topic audit --to-earliest');
  });

  it('needs a whole number for an offset before it previews', async () => {
    const { user } = await renderDialog();
    await user.selectOptions(screen.getByLabelText('Move to'), 'A specific offset');
    expect(button('Preview').disabled).toBe(true);
    await user.type(screen.getByLabelText('Reset value'), '4.5');
    expect(button('Preview').disabled).toBe(true);
    await user.clear(screen.getByLabelText('Reset value'));
    await user.type(screen.getByLabelText('Reset value'), '42');
    expect(button('Preview').disabled).toBe(false);
  });

  it('previews with a dry run, shows the lag after, then applies exactly what was previewed', async () => {
    const { user, onClose, resets } = await renderDialog();
    await user.click(screen.getByRole('checkbox', { name: '0' }));
    await user.click(screen.getByRole('checkbox', { name: '2' }));
    await user.selectOptions(screen.getByLabelText('Move to'), 'A specific offset');
    await user.type(screen.getByLabelText('Reset value'), '42');
    await waitFor(() => expect(cli()).toContain('kafka-1:9092'));
    expect(cli()).toBe('kafka-consumer-groups.sh --bootstrap-server kafka-1:9092 --group billing --reset-offsets --topic orders:0,2 --to-offset 42 --dry-run');
    await user.click(button('Preview'));
    const preview = await screen.findByRole('table', { name: 'Preview' });
    expect(resets()).toEqual([{ topic: 'orders', to: 'offset', partitions: [0, 2], value: 42, dryRun: true }]);
    // Lag after = log end − new offset: 100 − 42 and 30 − 42 (never below 0).
    expect(within(preview).getByTestId('lag-after-0').textContent).toBe('58');
    expect(within(preview).getByTestId('lag-after-2').textContent).toBe('0');
    expect(within(preview).getByTestId('lag-after-total').textContent).toBe('58');
    expect(cli()).toMatch(/--to-offset 42 --execute$/);
    await user.click(button('Apply reset'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(resets()).toEqual([
      { topic: 'orders', to: 'offset', partitions: [0, 2], value: 42, dryRun: true },
      { topic: 'orders', to: 'offset', partitions: [0, 2], value: 42, dryRun: false },
    ]);
  });

  it('a change after the preview throws the preview away: it must be previewed again', async () => {
    const { user } = await renderDialog();
    await user.selectOptions(screen.getByLabelText('Move to'), 'A specific offset');
    await user.type(screen.getByLabelText('Reset value'), '42');
    await user.click(button('Preview'));
    await screen.findByRole('table', { name: 'Preview' });
    expect(button('Apply reset').disabled).toBe(false);
    await user.type(screen.getByLabelText('Reset value'), '0');
    expect(screen.queryByRole('table', { name: 'Preview' })).toBeNull();
    expect(button('Apply reset').disabled).toBe(true);
    expect(cli()).toMatch(/--to-offset 420 --dry-run$/);
  });

  it('warns about a live group and keeps Apply off even after a preview', async () => {
    const { user } = await renderDialog('Stable');
    expect(screen.getByText(/Stop its 2 member\(s\) first/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Move to'), 'Latest offset (skip everything waiting)');
    await user.click(button('Preview'));
    await screen.findByRole('table', { name: 'Preview' });
    expect(button('Apply reset').disabled).toBe(true);
  });

  it('shows a refused preview in the one failure wording', async () => {
    const { user } = await renderDialog('Empty', { [RESET_URL]: apiError(409, 'GROUP_NOT_EMPTY', 'The group has 2 members') });
    await user.selectOptions(screen.getByLabelText('Move to'), 'Earliest offset');
    await user.click(button('Preview'));
    expect((await screen.findByRole('alert')).textContent).toBe('Failed to preview the reset: The group has 2 members (GROUP_NOT_EMPTY)');
    expect(button('Apply reset').disabled).toBe(true);
  });
});
