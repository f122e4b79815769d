import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LagHistoryNote } from './lag-history-note';

describe('LagHistoryNote', () => {
  it('says why the lag history is kept in this process only', () => {
    const note = 'Lag history is kept in this dashboard process only: writing to topic __kafka_dashboard_lag was refused (TOPIC_AUTHORIZATION_FAILED)';
    render(<LagHistoryNote status={{ shared: false, topic: null, sampling: true, note }} />);
    expect(screen.getByText('Lag history is not shared')).toBeTruthy();
    expect(
      screen.getByText(/writing to topic __kafka_dashboard_lag was refused \(TOPIC_AUTHORIZATION_FAILED\)\. Other dashboard instances keep their own history/),
    ).toBeTruthy();
  });

  it('says nothing while the history is shared, or kept in memory by choice', () => {
    const shared = render(<LagHistoryNote status={{ shared: true, topic: '__kafka_dashboard_lag', sampling: false, note: null }} />);
    expect(shared.container.textContent).toBe('');
    const byChoice = render(<LagHistoryNote status={{ shared: false, topic: null, sampling: true, note: null }} />);
    expect(byChoice.container.textContent).toBe('');
  });
});
