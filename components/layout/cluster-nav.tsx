'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const sections = [
  { label: 'Overview', path: '' },
  { label: 'Brokers', path: '/brokers' },
  { label: 'Topics', path: '/topics' },
  { label: 'Consumer groups', path: '/groups' },
  { label: 'ACLs', path: '/acls' },
  { label: 'Reassignments', path: '/reassignments' },
  { label: 'Users', path: '/users' },
  { label: 'Quotas', path: '/quotas' },
  { label: 'Connect', path: '/connect' },
];

export function ClusterNav({ cluster, schemaRegistry = false }: { cluster: string; schemaRegistry?: boolean }) {
  const pathname = usePathname();
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <nav aria-label="Cluster sections" className="flex flex-wrap gap-1">
      {(schemaRegistry ? [...sections, { label: 'Schema registry', path: '/schema-registry' }] : sections).map(({ label, path }) => {
        const href = base + path;
        const active = path === '' ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={label}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-3 py-1.5 text-sm ${active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
