import Link from 'next/link';
import type { ReactNode } from 'react';

/** The body of a 404 for something that is not in the cluster: what is missing, and the way back to its list. */
export function MissingResource({ title, children, backHref, backLabel }: { title: string; children: ReactNode; backHref: string; backLabel: string }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 break-words text-slate-600">{children}</p>
      <Link href={backHref} className="mt-6 inline-block text-indigo-700 underline">
        {backLabel}
      </Link>
    </div>
  );
}
