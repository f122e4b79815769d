import type { ReactNode } from 'react';

export function StatCard({ label, value, tone = 'plain', hint }: { label: string; value: ReactNode; tone?: 'plain' | 'warn' | 'danger'; hint?: string }) {
  const toneClass = tone === 'danger' ? 'border-red-300 bg-red-50' : tone === 'warn' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white';
  return (
    <div className={`rounded-lg border p-4 ${toneClass}`} title={hint}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
