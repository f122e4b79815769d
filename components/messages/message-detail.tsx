'use client';

import { useState } from 'react';
import { formatCountOf } from '@/lib/format';
import { renderValue, type ValueMode } from '@/lib/message-encoding';
import { formatTimestamp, type TimeZoneChoice } from '@/lib/timestamp-format';
import type { WireMessage } from '@/lib/types/messages';
import { MessageBadges, schemaDescription } from './message-badges';
import { ValueBadge } from './value-badge';

const MODES: ValueMode[] = ['auto', 'text', 'json', 'hex', 'base64'];
/** Beyond this a value is shown cut until asked for: a 1 MB message must not freeze the page. */
const SHOW_AT_ONCE = 16 * 1024;

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        })
      }
    >
      {copied ? 'Copied' : label}
    </button>
  );
}

/** A key or header value in full: badges for null and empty, base64 said as such. */
function FullText({ text, base64, nullKind }: { text: string | null; base64: boolean; nullKind: 'null' | 'tombstone' }) {
  if (text === null) return <ValueBadge kind={nullKind} />;
  if (text === '') return <ValueBadge kind="empty" />;
  return <>{base64 ? `(base64) ${text}` : text}</>;
}

/** The whole message: timestamp, key, value in the chosen mode, headers, and the raw bytes as a download. */
export function MessageDetail({ message, rawUrl, timeZone }: { message: WireMessage; rawUrl: string; timeZone: TimeZoneChoice }) {
  const [mode, setMode] = useState<ValueMode>('auto');
  const [showAll, setShowAll] = useState(false);
  const tombstone = message.value === null;
  const rendered = renderValue(message.value, message.encoding.value, mode);
  const long = rendered.text.length > SHOW_AT_ONCE;
  const text = long && !showAll ? rendered.text.slice(0, SHOW_AT_ONCE) : rendered.text;
  return (
    <div className="space-y-2 border-b border-slate-100 bg-slate-50 px-3 py-2 text-xs" data-testid="message-detail">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono">
        <dt className="text-slate-500">Timestamp</dt>
        <dd data-testid="detail-timestamp">
          {formatTimestamp(message.timestamp, timeZone)} ({message.timestampType}){' '}
          <span className="text-slate-500">
            = {formatTimestamp(message.timestamp, timeZone === 'utc' ? 'local' : 'utc')}; {message.timestamp} ms
          </span>
        </dd>
        <dt className="text-slate-500">Key</dt>
        <dd className="break-all" data-testid="detail-key">
          <FullText text={message.key} base64={message.encoding.key === 'base64'} nullKind="null" />
        </dd>
        {[
          ['Key format', schemaDescription(message, 'key') ?? message.decodeNote?.key],
          ['Value format', schemaDescription(message, 'value') ?? message.decodeNote?.value],
        ].map(([label, text]) =>
          text ? (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd data-testid={`detail-${label === 'Key format' ? 'key' : 'value'}-format`}>{text}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {message.aborted || message.pending ? (
        <p className="flex gap-1">
          <MessageBadges message={{ ...message, format: undefined, decodeNote: undefined }} />
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Value</span>
        <div role="radiogroup" aria-label="Show value as" className="flex gap-1">
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
              className={`rounded px-1.5 py-0.5 ${mode === m ? 'bg-indigo-600 text-white' : 'hover:bg-slate-200'}`}
            >
              {m}
            </button>
          ))}
        </div>
        <span className="text-slate-500">{tombstone ? 'null (tombstone)' : `shown as ${rendered.as}; ${message.valueSize.toLocaleString('en-US')} bytes`}</span>
        {tombstone ? null : <CopyButton text={rendered.text} label="Copy value" />}
        {message.key !== null ? <CopyButton text={message.key} label="Copy key" /> : null}
        <a href={rawUrl} download className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50">
          Download raw
        </a>
      </div>
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono" data-testid="message-full-value">
        {tombstone ? <ValueBadge kind="tombstone" /> : message.value === '' ? <ValueBadge kind="empty" /> : text}
      </pre>
      {long && !showAll ? (
        <button type="button" className="text-indigo-700 underline" onClick={() => setShowAll(true)}>
          Show all ({rendered.text.length.toLocaleString('en-US')} characters)
        </button>
      ) : null}
      {message.truncated ? <p className="text-amber-700">The stream carries the first 64 KiB of this value; download it raw for the rest.</p> : null}
      {message.headers.length ? <p className="font-medium">{formatCountOf(message.headers.length, 'header')}</p> : null}
      {message.headers.length ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-mono" aria-label="Headers" data-testid="message-headers">
          {/* In record order; a key may repeat, so the position is part of the React key. */}
          {message.headers.map((h, i) => (
            <div key={i} className="contents">
              <dt className="text-slate-500">{h.key}</dt>
              <dd className="break-all">
                <FullText text={h.value} base64={h.encoding === 'base64'} nullKind="null" />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
