'use client';

import { useState } from 'react';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Alert } from '@/components/ui/alert';
import { Breadcrumbs, sectionCrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatCard } from '@/components/ui/stat-card';
import { ApiRequestError } from '@/lib/api/fetch';
import { useGroup } from '@/lib/api/groups';
import { formatCount } from '@/lib/format';
import { DeleteGroupDialog } from './delete-group-dialog';
import { GroupMembers } from './group-members';
import { GroupOffsetsTable } from './group-offsets-table';
import { LagChart } from './lag-chart';
import { ResetOffsetsDialog } from './reset-offsets-dialog';
import { StateBadge, StatusBadge } from './status-badge';
import { useReadOnly } from '@/lib/api/clusters';

export function GroupView({ cluster, groupId }: { cluster: string; groupId: string }) {
  const { data, error, isPending } = useGroup(cluster, groupId);
  const [dialog, setDialog] = useState<'reset' | 'delete' | null>(null);
  const readOnly = useReadOnly();
  if (isPending) return <Loading label={`Reading ${groupId}…`} />;
  if (!data) {
    if (error instanceof ApiRequestError && error.status === 404) return <Alert tone="warn" title="No such consumer group">Group “{groupId}” does not exist in cluster “{cluster}”.</Alert>;
    return <ClusterUnreachable cluster={cluster} error={error} />;
  }
  const empty = data.state === 'Empty';
  return (
    <div className="space-y-5">
      <Breadcrumbs items={sectionCrumbs(cluster, { label: 'Consumer groups', path: 'groups' }, data.groupId)} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-all text-xl font-semibold">{data.groupId}</h1>
        <StateBadge state={data.state} />
        <StatusBadge status={data.status} reason={data.statusReason} />
        <span className="text-sm text-slate-600" data-testid="status-reason">{data.statusReason}</span>
        {readOnly ? null : <div className="ml-auto flex gap-2">
          <Button onClick={() => setDialog('reset')} title={empty ? undefined : 'Only possible when the group has no members'}>Reset offsets</Button>
          <Button variant="danger" disabled={!empty} onClick={() => setDialog('delete')} title={empty ? undefined : 'Only an Empty group can be deleted'}>Delete</Button>
        </div>}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard label="Total lag" value={data.totalLag === null ? '—' : formatCount(data.totalLag)} tone={data.status === 'stalled' || data.status === 'stopped' ? 'danger' : data.status === 'lagging' ? 'warn' : 'plain'} />
        <StatCard label="Members" value={data.members.length} />
        <StatCard label="Partitions" value={data.offsets.length} />
        <StatCard label="Assignment" value={<span className="text-base">{data.protocol || '—'}</span>} />
      </dl>
      <LagChart history={data.history} sampleIntervalMs={data.sampleIntervalMs} />
      <section className="space-y-2">
        <h2 className="font-semibold">Partitions</h2>
        {data.offsets.length ? <GroupOffsetsTable offsets={data.offsets} /> : <p className="text-sm text-slate-600">This group has no committed offsets and no assignments.</p>}
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Members</h2>
        <GroupMembers members={data.members} />
      </section>
      {dialog === 'reset' ? <ResetOffsetsDialog cluster={cluster} group={data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteGroupDialog cluster={cluster} groupId={data.groupId} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
