import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectorSummary } from '@/lib/types/connect';
import { fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { ConnectorsTable } from './connectors-table';

const connector = (name: string, type: 'source' | 'sink', tasks: string[]): ConnectorSummary => ({
  name,
  type,
  class: `org.apache.kafka.connect.file.FileStream${type === 'source' ? 'Source' : 'Sink'}Connector`,
  state: 'RUNNING',
  workerId: '127.0.0.1:18083',
  tasks: tasks.map((state, id) => ({ id, state, workerId: '127.0.0.1:18083', ...(state === 'FAILED' ? { trace: 'ConnectException: boom' } : {}) })),
  topics: [],
});

/** The cell of `column` in the row of connector `name`, by the header's position (not by a row's whole text). */
function cell(name: string, column: string) {
  const table = screen.getByRole('table', { name: 'Connectors of connect' });
  const index = within(table)
    .getAllByRole('columnheader')
    .findIndex((h) => h.textContent === column);
  const row = within(table).getByRole('link', { name }).closest('tr')!;
  return within(row).getAllByRole('cell')[index].textContent;
}

async function renderTable() {
  fakeFetch({
    'GET /api/clusters/c1/connect/connect/connectors': {
      body: { connectors: [connector('healthy', 'source', ['RUNNING', 'RUNNING']), connector('half-broken', 'sink', ['RUNNING', 'FAILED', 'FAILED'])] },
    },
  });
  render(<ConnectorsTable cluster="c1" connect="connect" />, { wrapper: withQueryClient(testQueryClient()) });
  await screen.findByRole('table', { name: 'Connectors of connect' });
  return userEvent.setup();
}

describe('ConnectorsTable', () => {
  it('counts running and failed tasks per connector, though the connector itself runs', async () => {
    await renderTable();
    expect(cell('half-broken', 'State')).toBe('RUNNING');
    expect(cell('half-broken', 'Tasks running')).toBe('1/3');
    expect(cell('half-broken', 'Tasks failed')).toBe('2');
    expect(cell('healthy', 'Tasks running')).toBe('2/2');
    expect(cell('healthy', 'Tasks failed')).toBe('0');
  });

  it('finds a connector with a failed task under the FAILED filter', async () => {
    const user = await renderTable();
    await user.selectOptions(screen.getByLabelText('State filter of connect'), 'FAILED');
    expect(screen.getByRole('link', { name: 'half-broken' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'healthy' })).toBeNull();
    expect(screen.getByText('1 of 2')).toBeTruthy();
  });
});
