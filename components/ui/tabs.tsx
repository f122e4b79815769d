'use client';

import Link from 'next/link';

const OPEN = 'border-indigo-600 font-medium text-indigo-700';
const CLOSED = 'border-transparent text-slate-600 hover:text-slate-900';

/** Tabs as links: the open tab lives in the URL (?tab=…), so a view can be shared. */
export function Tabs({ tabs, active, hrefFor }: { tabs: { id: string; label: string }[]; active: string; hrefFor: (id: string) => string }) {
  return (
    <nav aria-label="Sections" className="flex flex-wrap gap-x-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={hrefFor(t.id)}
          replace
          scroll={false}
          aria-current={t.id === active ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.id === active ? OPEN : CLOSED}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
