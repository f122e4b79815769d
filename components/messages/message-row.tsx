import type { WireMessage } from '@/lib/types/messages';
import { formatBytes } from '@/lib/format';

const preview = (text: string | null, encoding: string) => (text === null ? 'null' : encoding === 'base64' ? `(binary) ${text.slice(0, 80)}` : text.slice(0, 300));

/** One message on one line; everything is rendered as text, never as HTML. */
export function MessageRow({ message, expanded, onToggle }: { message: WireMessage; expanded: boolean; onToggle: () => void }) {
  const time = new Date(message.timestamp);
  const headerCount = message.headers.length;
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={expanded}
      data-testid="message-row"
      className="grid w-full grid-cols-[3.5rem_6rem_10rem_10rem_3rem_4.5rem_1fr] items-center gap-3 px-3 py-1.5 text-left font-mono text-xs hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none"
    >
      <span className="tabular-nums">{message.partition}</span>
      <span className="tabular-nums">{message.offset}</span>
      <span title={time.toISOString()}>{time.toLocaleString()}</span>
      <span className="truncate text-indigo-800" title={message.key ?? 'null'}>{message.key === null ? <i className="text-slate-400">null</i> : preview(message.key, message.encoding.key)}</span>
      <span className="text-slate-500" title={headerCount ? message.headers.map((h) => h.key).join(', ') : 'no headers'}>{headerCount ? `${headerCount}h` : ''}</span>
      <span className="text-right tabular-nums text-slate-500">{formatBytes(message.size)}</span>
      <span className="truncate" data-testid="message-value">{preview(message.value, message.encoding.value)}</span>
    </button>
  );
}
