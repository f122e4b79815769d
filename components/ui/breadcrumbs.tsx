import Link from 'next/link';

export interface Crumb {
  label: string;
  /** Omitted for the current page, the last crumb. */
  href?: string;
}

/** Where a page sits: Cluster › Brokers › Broker 1. The last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, i) => (
          <li key={i} className="flex min-w-0 items-center gap-1">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            {item.href ? (
              <Link href={item.href} className="text-indigo-700 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="break-all text-slate-700">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The crumbs of a page under a cluster section: cluster › section › this page. */
export function sectionCrumbs(cluster: string, section: { label: string; path: string }, current: string): Crumb[] {
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return [{ label: cluster, href: base }, { label: section.label, href: `${base}/${section.path}` }, { label: current }];
}
