import Link from 'next/link';
import type { ReactNode } from 'react';

/** A labelled figure; with `href` the whole card links to the list behind the figure. */
export function StatCard({
  label,
  value,
  tone = 'plain',
  hint,
  href,
}: {
  label: string;
  value: ReactNode;
  tone?: 'plain' | 'warn' | 'danger';
  hint?: string;
  href?: string;
}) {
  const toneClass = tone === 'danger' ? 'border-red-300 bg-red-50' : tone === 'warn' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white';
  return (
    <div
      className={`relative rounded-lg border p-4 ${toneClass} ${href ? 'hover:border-indigo-400 focus-within:ring-2 focus-within:ring-indigo-400' : ''}`}
      title={hint}
    >
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {/* The link's box covers the card, so the whole card is the target but the link reads as its label. */}
        {href ? (
          <Link href={href} className="after:absolute after:inset-0 focus:outline-none">
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
