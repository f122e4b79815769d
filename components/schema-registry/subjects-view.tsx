'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { Loading } from '@/components/ui/loading';
import { SearchInput } from '@/components/ui/search-input';
import { useReadOnly } from '@/lib/api/clusters';
import { useSubjects } from '@/lib/api/schema-registry';
import { formatCount } from '@/lib/format';
import { filterSubjects } from '@/lib/schema-registry-links';
import { CompatibilityControl } from './compatibility-control';
import { RegistryError } from './registry-error';
import { SubjectsTable } from './subjects-table';
import { EmptyState } from '@/components/ui/empty-state';

/** The registry's subjects, searchable; the search and "show soft-deleted" live in the URL (?q=, ?deleted=true). */
export function SubjectsView({ cluster }: { cluster: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const deleted = searchParams.get('deleted') === 'true';
  const readOnly = useReadOnly();
  const { data, error, isPending } = useSubjects(cluster, deleted);
  const rows = useMemo(() => filterSubjects(data?.subjects ?? [], q), [data, q]);
  const update = (change: { q?: string; deleted?: boolean }) => {
    const next = new URLSearchParams(searchParams.toString());
    if (change.q !== undefined) change.q ? next.set('q', change.q) : next.delete('q');
    if (change.deleted !== undefined) change.deleted ? next.set('deleted', 'true') : next.delete('deleted');
    const text = next.toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Schema registry</h1>
        <SearchInput
          aria-label="Search subjects"
          placeholder="Search subjects…"
          value={q}
          onCommit={(text) => update({ q: text })}
          className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400"
        />
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={deleted} onChange={(e) => update({ deleted: e.target.checked })} />
          Show soft-deleted
        </label>
        <span className="text-sm text-slate-500" aria-live="polite">
          {data ? `${formatCount(rows.length)} of ${formatCount(data.subjects.length)}` : ''}
        </span>
        <div className="ml-auto">
          <CompatibilityControl cluster={cluster} subject={null} readOnly={readOnly} />
        </div>
      </div>
      {error ? <RegistryError error={error} what="the subjects" /> : null}
      {isPending ? <Loading label="Reading subjects…" /> : null}
      {data && data.subjects.length === 0 ? <EmptyState>No subjects in this registry yet.</EmptyState> : null}
      {data && data.subjects.length > 0 ? (
        rows.length ? (
          <SubjectsTable cluster={cluster} subjects={rows} />
        ) : (
          <p role="status" className="text-sm text-slate-600">
            No subject matches.
          </p>
        )
      ) : null}
    </div>
  );
}
