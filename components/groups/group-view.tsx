'use client';

import { LoadState } from '@/components/cluster/load-state';
import { useState } from 'react';
import { ResourceAcls } from '@/components/acls/resource-acls';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Breadcrumbs, sectionCrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { StatCard } from '@/components/ui/stat-card';
import { useGroup } from '@/lib/api/groups';
import { formatCount } from '@/lib/format';
import { DeleteGroupDialog } from './delete-group-dialog';
import { DeleteOffsetsDialog } from './delete-offsets-dialog';
import { GroupMembers } from './group-members';
import { SinkGroupConnector } from '@/components/connect/sink-group-connector';
import { GroupOffsetsTable } from './group-offsets-table';
import { GroupTypeLabel } from './group-type-label';
import { LagChart } from './lag-chart';
import { GrafanaLink } from './grafana-link';
import { ResetOffsetsDialog } from './reset-offsets-dialog';
import { ShareOffsetsTable } from './share-offsets-table';
import { StateBadge, StatusBadge } from './status-badge';
import { useReadOnly } from '@/lib/api/clusters';

export function GroupView({ cluster, groupId }: { cluster: string; groupId: string }) {
  const { data, error, isPending } = useGroup(cluster, groupId);
  const [dialog, setDialog] = useState<'reset' | 'delete' | 'delete-offsets' | null>(null);
  const readOnly = useReadOnly();
  if (!data) {
    const notFound = {
      title: 'No such consumer group',
      message: (
        <>
          Group “{groupId}” does not exist in cluster “{cluster}”.
        </>
      ),
    };
    return <LoadState cluster={cluster} isPending={isPending} error={error} loadingLabel={`Reading ${groupId}…`} notFound={notFound} />;
  }
  const empty = data.state === 'Empty';
  // A share group has start offsets, not committed ones; resetting them (AlterShareGroupOffsets) is not offered.
  const share = data.type === 'share';
  return (
    <div className="space-y-5">
      <Breadcrumbs items={sectionCrumbs(cluster, { label: 'Consumer groups', path: 'groups' }, data.groupId)} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-all text-xl font-semibold">{data.groupId}</h1>
        <GroupTypeLabel type={data.type} />
        <StateBadge state={data.state} />
        <StatusBadge status={data.status} reason={data.statusReason} />
        <span className="text-sm text-slate-600" data-testid="status-reason">
          {data.statusReason}
        </span>
        {readOnly ? null : (
          <div className="ml-auto flex gap-2">
            {share ? null : (
              <Button onClick={() => setDialog('reset')} title={empty ? undefined : 'Only possible when the group has no members'}>
                Reset offsets
              </Button>
            )}
            {share ? null : <Button onClick={() => setDialog('delete-offsets')}>Delete offsets</Button>}
            <Button variant="danger" disabled={!empty} onClick={() => setDialog('delete')} title={empty ? undefined : 'Only an Empty group can be deleted'}>
              Delete
            </Button>
          </div>
        )}
      </div>
      <SinkGroupConnector cluster={cluster} groupId={data.groupId} />
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard
          label="Total lag"
          value={data.totalLag === null ? '—' : formatCount(data.totalLag)}
          tone={data.status === 'stalled' || data.status === 'stopped' ? 'danger' : data.status === 'lagging' ? 'warn' : 'plain'}
        />
        <StatCard label="Members" value={data.members.length} />
        <StatCard label="Partitions" value={data.offsets.length} />
        <StatCard
          label="Assignor"
          value={
            <span className="text-base" data-testid="assignor">
              {data.assignor ?? (data.protocol || '—')}
            </span>
          }
        />
      </dl>
      {share ? (
        <p className="text-sm text-slate-600" data-testid="share-note">
          A share group: its members share partitions and acknowledge records one by one. It has a start offset per partition instead of committed offsets, so
          lag history and offset resets are not offered here (reset with <code>kafka-share-groups --reset-offsets</code>).
        </p>
      ) : (
        <>
          <LagChart history={data.history} sampleIntervalMs={data.sampleIntervalMs} />
          <GrafanaLink />
        </>
      )}
      <section className="space-y-2">
        <h2 className="font-semibold">Partitions</h2>
        {!data.offsets.length ? (
          <p className="text-sm text-slate-600">This group has no {share ? 'start' : 'committed'} offsets and no assignments.</p>
        ) : share ? (
          <ShareOffsetsTable offsets={data.offsets} />
        ) : (
          <GroupOffsetsTable offsets={data.offsets} />
        )}
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Members</h2>
        <GroupMembers members={data.members} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">ACLs</h2>
        <ResourceAcls cluster={cluster} type="GROUP" name={data.groupId} />
      </section>
      {dialog === 'reset' && !share ? <ResetOffsetsDialog cluster={cluster} group={data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete-offsets' && !share ? <DeleteOffsetsDialog cluster={cluster} group={data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteGroupDialog cluster={cluster} groupId={data.groupId} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
