import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectorOffsets } from '@/lib/types/connect';
import { apiError, type FakeAnswer, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { ConnectorOffsetsControls } from './connector-offsets-controls';

const OFFSETS = '/api/clusters/c1/connect/connect/connectors/src/offsets';
const current: ConnectorOffsets = { offsets: [{ partition: { filename: '/tmp/a' }, offset: { position: 14 } }] };
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

function renderControls(state: string, routes: Record<string, FakeAnswer> = {}) {
  const server = fakeFetch(routes);
  render(<ConnectorOffsetsControls cluster="c1" connect="connect" name="src" state={state} current={current} />, {
    wrapper: withQueryClient(testQueryClient()),
  });
  const changes = () => server.requests.filter((r) => r.method !== 'GET');
  return { user: userEvent.setup(), changes };
}

describe('ConnectorOffsetsControls', () => {
  it('keeps alter and reset disabled, saying why, unless the connector is STOPPED', () => {
    renderControls('RUNNING');
    expect(button('Alter offsets…').disabled).toBe(true);
    expect(button('Reset offsets…').disabled).toBe(true);
    expect(screen.getByText(/only while the connector is STOPPED \(it is RUNNING\)/)).toBeTruthy();
  });

  it('alters from an editor prefilled with the current offsets, sending the edited body', async () => {
    const { user, changes } = renderControls('STOPPED', {
      [`PATCH ${OFFSETS}`]: { body: { message: 'The offsets for this connector have been altered successfully' } },
    });
    await user.click(button('Alter offsets…'));
    const editor = screen.getByLabelText('Offsets (KIP-875 JSON)') as HTMLTextAreaElement;
    expect(JSON.parse(editor.value)).toEqual(current);
    await user.clear(editor);
    const edited = { offsets: [{ partition: { filename: '/tmp/a' }, offset: { position: 0 } }] };
    // userEvent.type reads `{` and `[` as key descriptors: pasted instead.
    await user.click(editor);
    await user.paste(JSON.stringify(edited));
    await user.click(button('Save offsets'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The offsets for this connector have been altered successfully'));
    expect(changes()).toEqual([{ method: 'PATCH', url: OFFSETS, body: edited }]);
  });

  it('refuses JSON that is not an offsets body without sending it', async () => {
    const { user, changes } = renderControls('STOPPED');
    await user.click(button('Alter offsets…'));
    const editor = screen.getByLabelText('Offsets (KIP-875 JSON)');
    await user.clear(editor);
    await user.click(editor);
    await user.paste('{"offsets": []}');
    await user.click(button('Save offsets'));
    expect(screen.getByRole('alert').textContent).toMatch(/at least one offset/);
    expect(changes()).toEqual([]);
  });

  it("resets only after the confirmation, and shows Connect's message when it refuses", async () => {
    const message = 'Connectors must be in the STOPPED state before their offsets can be modified.';
    const { user, changes } = renderControls('STOPPED', { [`DELETE ${OFFSETS}`]: apiError(400, 'CONNECT_BAD_REQUEST', message) });
    await user.click(button('Reset offsets…'));
    expect(changes()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Reset offsets' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(`Failed to reset the offsets: ${message} (CONNECT_BAD_REQUEST)`));
    expect(changes()).toEqual([{ method: 'DELETE', url: OFFSETS, body: undefined }]);
  });
});
