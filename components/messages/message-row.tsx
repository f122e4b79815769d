import { memo } from 'react';
import { formatBytes, formatCountOf } from '@/lib/format';
import type { Highlighter } from '@/lib/highlight';
import { formatTimestamp, type TimeZoneChoice } from '@/lib/timestamp-format';
import type { WireMessage } from '@/lib/types/messages';
import { MessageBadges } from './message-badges';
import { PreviewText } from './preview-text';

/** Columns shared with the list's header row. */
export const ROW_COLUMNS = 'grid-cols-[3.5rem_6rem_18rem_10rem_4.5rem_4.5rem_1fr]';
/**
 * Every collapsed row is exactly this tall (h-[29px] with its border): the list places rows by
 * arithmetic instead of measuring each one, so scrolling costs the same at 100 or 100,000 rows.
 */
export const ROW_HEIGHT = 29;

/** One line, h-[29px] being ROW_HEIGHT. */
const ROW_CLASS =
  `grid h-[29px] w-full ${ROW_COLUMNS} items-center gap-3 overflow-hidden border-b border-slate-100 px-3 text-left font-mono text-xs leading-4 ` +
  'hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none';

/** "p:offset": a message's identity within a topic. */
export const messageKey = (m: WireMessage) => `${m.partition}:${m.offset}`;

interface Props {
  message: WireMessage;
  expanded: boolean;
  onToggle: (key: string) => void;
  timeZone: TimeZoneChoice;
  highlight: Highlighter | null;
}

/**
 * One message on one line; everything is rendered as text, never as HTML. Memoised: while the list
 * scrolls, rows that stay on screen are not rendered again.
 */
export const MessageRow = memo(function MessageRow({ message, expanded, onToggle, timeZone, highlight }: Props) {
  const headerCount = message.headers.length;
  const time = formatTimestamp(message.timestamp, timeZone);
  const otherTime = formatTimestamp(message.timestamp, timeZone === 'utc' ? 'local' : 'utc');
  return (
    <button type="button" onClick={() => onToggle(messageKey(message))} aria-expanded={expanded} data-testid="message-row" className={ROW_CLASS}>
      <span className="tabular-nums">{message.partition}</span>
      <span className="tabular-nums">{message.offset}</span>
      <span className="flex items-center gap-1.5 truncate" title={`${otherTime} (${message.timestampType})`} data-testid="message-timestamp">
        <span className="tabular-nums">{time}</span>
        <span className="font-sans text-[10px] text-slate-500" data-testid="timestamp-type">
          {message.timestampType}
        </span>
      </span>
      <span className="truncate text-indigo-800" data-testid="message-key">
        <PreviewText text={message.key} encoding={message.encoding.key} field="key" highlight={highlight} />
      </span>
      <span
        className="truncate text-slate-500"
        title={headerCount ? message.headers.map((h) => h.key).join(', ') : 'no headers'}
        data-testid="message-header-count"
      >
        {headerCount ? formatCountOf(headerCount, 'header') : ''}
      </span>
      <span className="text-right tabular-nums text-slate-500">{formatBytes(message.size)}</span>
      <span className="flex min-w-0 items-center gap-1">
        <MessageBadges message={message} />
        <span className="truncate" data-testid="message-value">
          <PreviewText text={message.value} encoding={message.encoding.value} field="value" highlight={highlight} />
        </span>
      </span>
    </button>
  );
});
