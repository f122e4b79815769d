import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/lib/api/fetch';
import { LoadState } from './load-state';

const gone = new ApiRequestError(404, 'TOPIC_NOT_FOUND', 'Topic "orders" does not exist');
const down = new ApiRequestError(503, 'CLUSTER_UNREACHABLE', 'Cannot reach cluster "c1": ECONNREFUSED');

describe('LoadState', () => {
  it("says it is loading, with the view's own words", () => {
    render(<LoadState cluster="c1" isPending error={null} loadingLabel="Reading orders…" />);
    expect(screen.getByRole('status').textContent).toBe('Reading orders…');
  });

  it("says what is missing on a 404, in the view's words or the server's", () => {
    const { unmount } = render(
      <LoadState cluster="c1" isPending={false} error={gone} notFound={{ title: 'No such topic', message: 'Topic “orders” is gone.' }} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('No such topicTopic “orders” is gone.');
    unmount();
    render(<LoadState cluster="c1" isPending={false} error={gone} notFound={{ title: 'No such topic' }} />);
    expect(screen.getByRole('alert').textContent).toBe('No such topicTopic "orders" does not exist');
  });

  it('says the cluster cannot be reached otherwise, and that the page retries', () => {
    render(<LoadState cluster="c1" isPending={false} error={down} notFound={{ title: 'No such topic' }} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^Cannot reach cluster “c1”Cannot reach cluster "c1": ECONNREFUSEDRetrying every 5 s/);
  });

  it('does not call a 404 "not found" in a view that has no such state (the overview)', () => {
    render(<LoadState cluster="c1" isPending={false} error={gone} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^Failed to load cluster “c1”/);
  });
});
