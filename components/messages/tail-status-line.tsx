import { formatCount } from '@/lib/format';
import type { TailView } from '@/lib/api/use-message-tail';
import type { ReadMode } from '@/lib/tail-form';
import { describePositions } from '@/lib/tail-status';

const LIVE_STATE = { idle: '', connecting: 'Connecting…', streaming: 'Live', done: 'Done', paused: 'Paused', error: 'Stopped' };

/** One line saying where the read stands: waiting and from where, how much came, how fast, what was dropped. */
export function TailStatusLine({ mode, tail, page, filtering, max }: { mode: ReadMode; tail: TailView; page: number; filtering: boolean; max: number }) {
  const { status, state, received } = tail;
  const parts: string[] = [];
  if (mode === 'live') {
    parts.push(LIVE_STATE[state]);
    if (!received && status && (state === 'streaming' || state === 'connecting'))
      parts.push(`Waiting for messages… from ${describePositions(status.positions)}`);
    parts.push(`received ${formatCount(received)}`, `${formatCount(tail.rate)}/s`);
  } else {
    parts.push(`Page ${formatCount(page)}`);
    if (state === 'connecting' || state === 'streaming') parts.push('Reading…');
    if (state === 'error') parts.push('Stopped');
    parts.push(`${formatCount(received)} message${received === 1 ? '' : 's'}`);
    if (state === 'done' && status) {
      if (!received) parts.push(`No messages from ${describePositions(status.positions)}`);
      parts.push(status.caughtUp ? 'end of the topic as of this read' : `next page from ${describePositions(status.positions)}`);
    }
  }
  if (filtering) parts.push(`matched ${formatCount(status?.matched ?? 0)} of ${formatCount(status?.scanned ?? 0)} scanned`);
  if (tail.dropped) parts.push(`${formatCount(tail.dropped)} older dropped (keeping ${formatCount(max)})`);
  return (
    <span role="status" aria-live="polite" className="ml-auto text-slate-600" data-testid="tail-counters">
      {parts.filter(Boolean).join(' · ')}
    </span>
  );
}
