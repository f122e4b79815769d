import type { ReactNode } from 'react';

/** What a list page shows when the cluster has none of its things: a status line in a dashed box. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
      {children}
    </p>
  );
}
