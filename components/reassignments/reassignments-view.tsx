'use client';

import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Loading } from '@/components/ui/loading';
import { useReadOnly } from '@/lib/api/clusters';
import { formatBytes } from '@/lib/format';
import { useReassignments } from '@/lib/api/reassignments';
import { ReassignmentPlanner } from './reassignment-planner';
import { ReassignmentProgress } from './reassignment-progress';

/** The Reassignments page: moves in progress first, then the planner. */
export function ReassignmentsView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useReassignments(cluster);
  const readOnly = useReadOnly();
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Partition reassignments</h1>
      <section aria-labelledby="in-progress-heading" className="space-y-2">
        <h2 id="in-progress-heading" className="text-lg font-semibold">
          In progress
        </h2>
        {isPending ? <Loading label="Reading reassignments…" /> : null}
        {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
        {data ? <ReassignmentProgress cluster={cluster} reassignments={data.reassignments} readOnly={readOnly} /> : null}
        {data?.throttleBytesPerSec ? (
          <p className="text-sm text-slate-600">Replication throttled to {formatBytes(data.throttleBytesPerSec)}/s until these moves finish.</p>
        ) : null}
      </section>
      <ReassignmentPlanner cluster={cluster} readOnly={readOnly} />
    </div>
  );
}
