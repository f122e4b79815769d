'use client';

import { useMemo } from 'react';
import { highlightSchema, prettySchema } from '@/lib/schema-text';
import type { SchemaType } from '@/lib/types/schema-registry';

/** highlight.js token kinds → colours; anything else stays the text colour. */
const COLOURS: Record<string, string> = {
  attr: 'text-sky-800',
  string: 'text-emerald-700',
  number: 'text-amber-700',
  literal: 'text-violet-700',
  keyword: 'text-fuchsia-700',
  type: 'text-indigo-700',
  title: 'text-sky-800 font-semibold',
  comment: 'text-slate-500 italic',
  meta: 'text-slate-500',
  punctuation: 'text-slate-500',
};

/** A schema pretty-printed and highlighted; every token is rendered as text (React escapes it). */
export function SchemaCode({ schema, schemaType, label }: { schema: string; schemaType: SchemaType | null; label: string }) {
  const tokens = useMemo(() => highlightSchema(prettySchema(schema, schemaType), schemaType), [schema, schemaType]);
  return (
    <pre aria-label={label} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white p-4 font-mono text-xs leading-5 text-slate-800">
      <code>
        {tokens.map((token, i) =>
          token.kind && COLOURS[token.kind] ? (
            <span key={i} className={COLOURS[token.kind]}>
              {token.text}
            </span>
          ) : (
            token.text
          ),
        )}
      </code>
    </pre>
  );
}
