'use client';

import { Loading } from '@/components/ui/loading';
import { useSchemaVersion } from '@/lib/api/schema-registry';
import { RegistryError } from './registry-error';
import { SchemaDiffView } from './schema-diff-view';

/**
 * Picks two versions (by default the selected one and the one before it) and shows their diff;
 * the choice is the caller's to keep in the URL.
 */
export function SchemaDiffPanel({
  cluster,
  subject,
  versions,
  newer,
  older,
  onChange,
}: {
  cluster: string;
  subject: string;
  versions: number[];
  newer: number | null;
  older: number | null;
  onChange: (newer: number, older: number) => void;
}) {
  const to = newer ?? versions.at(-1) ?? null;
  const before = to === null ? [] : versions.filter((v) => v < to);
  const from = older !== null && versions.includes(older) ? older : (before.at(-1) ?? versions[0] ?? null);
  const a = useSchemaVersion(cluster, subject, from);
  const b = useSchemaVersion(cluster, subject, to);
  if (versions.length < 2 || from === null || to === null)
    return <p className="text-sm text-slate-600">A diff needs two versions; this subject has {versions.length}.</p>;
  const select = (label: string, value: number, change: (v: number) => void) => (
    <label className="flex items-center gap-2 text-sm">
      {label}
      <select
        aria-label={`${label} version`}
        value={value}
        onChange={(e) => change(Number(e.target.value))}
        className="rounded border border-slate-300 px-2 py-1.5"
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-4">
        {select('From', from, (v) => onChange(to, v))}
        {select('To', to, (v) => onChange(v, from))}
      </div>
      {a.error || b.error ? <RegistryError error={a.error ?? b.error} what="the versions" /> : null}
      {a.data && b.data ? <SchemaDiffView older={a.data} newer={b.data} /> : a.isPending || b.isPending ? <Loading label="Reading both versions…" /> : null}
    </div>
  );
}
