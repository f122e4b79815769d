import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { subjectHref } from '@/lib/schema-registry-links';
import { schemaTypeLabel } from '@/lib/schema-text';
import type { SubjectSummary } from '@/lib/types/schema-registry';

export function SubjectsTable({ cluster, subjects }: { cluster: string; subjects: SubjectSummary[] }) {
  return (
    <DataTable caption="Subjects" columns={['Subject', 'Type', { label: 'Latest version', numeric: true }, 'Compatibility']}>
      <tbody>
        {subjects.map((s) => (
          <tr key={s.subject} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={subjectHref(cluster, s.subject)} className="break-all font-mono text-indigo-700 hover:underline">
                {s.subject}
              </Link>
              {s.deleted ? (
                <span className="ml-2">
                  <Badge tone="warn">soft-deleted</Badge>
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2">{schemaTypeLabel(s.schemaType)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{s.latestVersion}</td>
            <td className="px-3 py-2">{s.compatibility ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
