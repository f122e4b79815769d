'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { failureMessage } from '@/lib/api/fetch';
import { useCompatibility, useSetCompatibility } from '@/lib/api/schema-registry';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '@/lib/types/schema-registry';

/** The compatibility level in force for a subject (or, with subject null, the registry's global one), and a way to change it. */
export function CompatibilityControl({ cluster, subject, readOnly }: { cluster: string; subject: string | null; readOnly: boolean }) {
  const current = useCompatibility(cluster, subject);
  const change = useSetCompatibility(cluster, subject);
  const [editing, setEditing] = useState<string | null>(null);
  const label = subject === null ? 'Global compatibility' : 'Compatibility';
  const level = current.data?.compatibility;
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (editing === null) return;
    change.mutate(editing === '' ? null : (editing as CompatibilityLevel), { onSuccess: () => setEditing(null) });
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{label}:</span>
      {editing === null ? (
        <>
          <strong data-testid={subject === null ? 'global-compatibility' : 'subject-compatibility'}>{level ?? (current.error ? 'unknown' : '…')}</strong>
          {readOnly || !level ? null : <Button onClick={() => setEditing(level)}>Change</Button>}
        </>
      ) : (
        <form onSubmit={save} className="flex items-center gap-2">
          <select aria-label={label} value={editing} onChange={(e) => setEditing(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5">
            {subject === null ? null : <option value="">the global level</option>}
            {COMPATIBILITY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          <Button type="submit" variant="primary" disabled={change.isPending}>
            {change.isPending ? 'Saving…' : 'Save'}
          </Button>
          <Button onClick={() => setEditing(null)}>Cancel</Button>
        </form>
      )}
      <ErrorText>{change.error ? failureMessage('change the compatibility level', change.error) : null}</ErrorText>
    </div>
  );
}
