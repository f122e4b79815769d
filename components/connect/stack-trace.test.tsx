import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StackTrace } from './stack-trace';

const trace = [
  "org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file '/tmp/no-such-dir/out.txt' for FileStreamSinkTask",
  '\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(FileStreamSinkTask.java:70)',
  'Caused by: java.nio.file.NoSuchFileException: /tmp/no-such-dir/out.txt',
].join('\n');

describe('StackTrace', () => {
  it('is collapsed to its first line until opened', async () => {
    const user = userEvent.setup();
    const { container } = render(<StackTrace trace={trace} label="task 0" />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    const summary = container.querySelector('summary')!;
    expect(summary.textContent).toBe(trace.split('\n')[0]);
    await user.click(summary);
    expect(details.open).toBe(true);
    expect(container.querySelector('pre')!.textContent).toBe(trace);
  });

  it('copies the whole trace, tabs and all, and says so', async () => {
    const user = userEvent.setup();
    render(<StackTrace trace={trace} label="task 0" />);
    const copy = screen.getByRole('button', { name: 'Copy the stack trace of task 0' });
    expect(copy.textContent).toBe('Copy stack trace');
    await user.click(copy);
    expect(await navigator.clipboard.readText()).toBe(trace);
    expect(copy.textContent).toBe('Copied');
  });
});
