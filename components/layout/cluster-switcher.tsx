'use client';

import { useRouter } from 'next/navigation';
import type { ClusterSummary } from '@/lib/types/cluster';

export function ClusterSwitcher({ clusters, current }: { clusters: ClusterSummary[]; current: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-400">Cluster</span>
      <select
        aria-label="Cluster"
        className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-white focus:outline-none focus:ring-2 focus:ring-indigo-400"
        value={current}
        onChange={(event) => router.push(`/clusters/${encodeURIComponent(event.target.value)}`)}
      >
        {clusters.map((c) => (
          <option key={c.name} value={c.name} title={c.bootstrap}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
