'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ElectLeadersDialog } from '@/components/topics/elect-leaders-dialog';
import { Button } from '@/components/ui/button';
import { useReadOnly } from '@/lib/api/clusters';
import type { ClusterOverview } from '@/lib/types/cluster';

/**
 * Partitions led by a replica other than their preferred one (load piles up on some brokers after
 * a restart): how many, which ones (links to their topics), and a button to move them back.
 */
export function PreferredLeadersCard({ cluster, overview }: { cluster: string; overview: ClusterOverview }) {
  const [open, setOpen] = useState(false);
  const readOnly = useReadOnly();
  const { count, partitions } = overview.nonPreferredLeaders;
  if (count === 0) return null;
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <section aria-label="Non-preferred leaders" className="space-y-2 rounded border border-amber-200 bg-amber-50 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-semibold" data-testid="non-preferred-count">
          {count} {count === 1 ? 'partition is' : 'partitions are'} not led by the preferred replica
        </h2>
        {readOnly ? null : (
          <Button className="ml-auto" onClick={() => setOpen(true)}>
            Elect preferred leaders
          </Button>
        )}
      </div>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {partitions.map((p) => (
          <li key={`${p.topic}\u0000${p.partition}`}>
            <Link
              className="font-mono text-indigo-700 hover:underline"
              href={`${base}/topics/${encodeURIComponent(p.topic)}`}
              title={`Led by ${p.leader}, preferred ${p.preferred}`}
            >
              {p.topic}-{p.partition}
            </Link>
          </li>
        ))}
        {count > partitions.length ? <li className="text-slate-500">and {count - partitions.length} more</li> : null}
      </ul>
      {open ? (
        <ElectLeadersDialog cluster={cluster} title="Elect preferred leaders for all partitions" partitions={null} onClose={() => setOpen(false)} />
      ) : null}
    </section>
  );
}
