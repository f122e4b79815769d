'use client';

import { failureMessage } from '@/lib/api/fetch';
import type { ValueFormat } from '@/lib/produce-value';
import type { ProduceSubjects } from '@/lib/types/produce-schema';

const field = 'w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';

/**
 * How the produce form sends its value: as text, or encoded with a registry subject's schema
 * (a version, or the latest when left empty) from the JSON typed in the value box.
 */
export function ValueFormatPicker({
  format,
  onChange,
  subjects,
}: {
  format: ValueFormat;
  onChange: (format: ValueFormat) => void;
  subjects: { data?: ProduceSubjects; error: unknown; isLoading: boolean };
}) {
  const list = subjects.data?.subjects ?? [];
  const registry = subjects.data?.configured ?? false;
  const choose = (kind: string) =>
    onChange(kind === 'schema' ? { kind: 'schema', subject: subjects.data?.valueSubject ?? list[0] ?? '', version: '' } : { kind: 'text' });
  return (
    <div className="grid grid-cols-[12rem_1fr_8rem] items-end gap-2">
      <label>
        Format
        <select aria-label="Format" value={format.kind} onChange={(e) => choose(e.target.value)} className={field}>
          <option value="text">Text / JSON</option>
          <option value="schema" disabled={!registry || !list.length}>
            Schema (registry)
          </option>
        </select>
      </label>
      {format.kind === 'schema' ? (
        <>
          <label>
            Subject
            <select aria-label="Subject" value={format.subject} onChange={(e) => onChange({ ...format, subject: e.target.value })} className={field}>
              {list.includes(format.subject) ? null : <option value={format.subject}>{format.subject || '(choose)'}</option>}
              {list.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Version
            <input
              aria-label="Schema version"
              value={format.version}
              onChange={(e) => onChange({ ...format, version: e.target.value })}
              placeholder="latest"
              className={field}
            />
          </label>
        </>
      ) : (
        <p className="col-span-2 text-xs text-slate-500">
          {subjects.error
            ? failureMessage('list schema subjects', subjects.error)
            : subjects.isLoading
              ? 'Looking for schema subjects…'
              : registry
                ? list.length
                  ? 'Sent as typed, as UTF-8 text.'
                  : 'Sent as typed; the schema registry has no subjects yet.'
                : 'Sent as typed (no schema registry is configured for this cluster).'}
        </p>
      )}
    </div>
  );
}
