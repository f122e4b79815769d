import { diffLines } from 'diff';
import type { SchemaType } from '@/lib/types/schema-registry';
import { prettySchema } from './schema-text';

/** One line of a diff between two schema versions. */
export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

export interface SchemaDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

/**
 * The line diff between two versions, both pretty-printed first: a registry may store a schema on
 * one line, and re-indenting must not show as a change. Pure (jsdiff's Myers diff).
 */
export function diffSchemas(older: { schema: string; schemaType: SchemaType | null }, newer: { schema: string; schemaType: SchemaType | null }): SchemaDiff {
  const before = withFinalNewline(prettySchema(older.schema, older.schemaType));
  const after = withFinalNewline(prettySchema(newer.schema, newer.schemaType));
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffLines(before, after)) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const texts = change.value.split('\n');
    texts.pop(); // every chunk ends with the newline added above
    for (const text of texts) lines.push({ kind, text });
    if (kind === 'added') added += texts.length;
    if (kind === 'removed') removed += texts.length;
  }
  return { lines, added, removed };
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
