'use client';

import { useMemo } from 'react';
import { diffSchemas } from '@/lib/schema-diff';
import type { SchemaVersion } from '@/lib/types/schema-registry';

const STYLES = {
  added: { sign: '+', className: 'bg-emerald-50 text-emerald-900' },
  removed: { sign: '-', className: 'bg-red-50 text-red-900' },
  same: { sign: ' ', className: 'text-slate-700' },
};

/** The line diff from `older` to `newer`, both pretty-printed; lines rendered as text. */
export function SchemaDiffView({ older, newer }: { older: SchemaVersion; newer: SchemaVersion }) {
  const diff = useMemo(() => diffSchemas(older, newer), [older, newer]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" aria-live="polite">
        Version {older.version} → {newer.version}: <span className="text-emerald-700">{diff.added} added</span>,{' '}
        <span className="text-red-700">{diff.removed} removed</span>
        {diff.added + diff.removed === 0 ? ' (the same schema)' : ''}
      </p>
      <pre
        aria-label={`Diff of versions ${older.version} and ${newer.version}`}
        className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white py-2 font-mono text-xs leading-5"
      >
        {diff.lines.map((line, i) => (
          <div key={i} data-diff={line.kind} className={`px-4 ${STYLES[line.kind].className}`}>
            <span aria-hidden className="mr-3 select-none text-slate-400">
              {STYLES[line.kind].sign}
            </span>
            {line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
