import Link from 'next/link';
import { subjectHref } from '@/lib/schema-registry-links';
import type { SchemaReference } from '@/lib/types/schema-registry';

/** The schemas this one imports, each linked to its subject's page at the referenced version. */
export function SchemaReferences({ cluster, references }: { cluster: string; references: SchemaReference[] }) {
  if (references.length === 0) return <p className="text-sm text-slate-500">No references.</p>;
  return (
    <ul aria-label="References" className="space-y-1 text-sm">
      {references.map((r) => (
        <li key={`${r.name}\n${r.subject}\n${r.version}`}>
          <span className="font-mono">{r.name}</span> →{' '}
          <Link href={subjectHref(cluster, r.subject, { version: r.version })} className="break-all font-mono text-indigo-700 hover:underline">
            {r.subject}
          </Link>{' '}
          version {r.version}
        </li>
      ))}
    </ul>
  );
}
