'use client';

import { LoadState } from '@/components/cluster/load-state';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Tabs } from '@/components/ui/tabs';
import { ResourceAcls } from '@/components/acls/resource-acls';
import { useClusterOverview, useReadOnly } from '@/lib/api/clusters';
import { useTopic } from '@/lib/api/topics';
import { isOffline, isUnderReplicated } from '@/lib/partition-health';
import { replicaLayout } from '@/lib/replica-layout';
import type { ConfigEntry } from '@/lib/types/topics';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { EditReplicasButton } from '@/components/reassignments/edit-replicas-button';
import { AddPartitionsDialog } from './add-partitions-dialog';
import { ConfigTable } from './config-table';
import { DeleteRecordsDialog } from './delete-records-dialog';
import { ElectLeadersDialog } from './elect-leaders-dialog';
import { DeleteTopicDialog } from './delete-topic-dialog';
import { EditConfigDialog } from './edit-config-dialog';
import { PartitionsTable } from './partitions-table';
import { ReplicaGrid } from './replica-grid';
import { TopicConsumers } from './topic-consumers';
import { TopicConnectors } from '@/components/connect/topic-connectors';
import { TopicHealthBadges } from './topic-health-badges';
import { TopicSchemas } from './topic-schemas';
import { TopicStats } from './topic-stats';

const TABS = [
  { id: 'partitions', label: 'Partitions' },
  { id: 'layout', label: 'Replica layout' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'consumers', label: 'Consumers' },
  { id: 'acls', label: 'ACLs' },
];

export function TopicView({ cluster, topic }: { cluster: string; topic: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tab = TABS.some((t) => t.id === searchParams.get('tab')) ? searchParams.get('tab')! : 'partitions';
  const { data, error, isPending } = useTopic(cluster, topic);
  const overview = useClusterOverview(cluster);
  const readOnly = useReadOnly();
  const [dialog, setDialog] = useState<'delete' | 'partitions' | 'empty' | 'partition' | 'elect' | null>(null);
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  const [configFilter, setConfigFilter] = useState('');

  if (!data) {
    const notFound = {
      title: 'No such topic',
      message: (
        <>
          Topic “{topic}” does not exist in cluster “{cluster}”.
        </>
      ),
    };
    return <LoadState cluster={cluster} isPending={isPending} error={error} loadingLabel={`Reading ${topic}…`} notFound={notFound} />;
  }
  const underReplicated = data.partitions.filter(isUnderReplicated).length;
  const offline = data.partitions.filter(isOffline).length;
  const liveBrokers = overview.data?.brokers.map((b) => b.nodeId) ?? [...new Set(data.partitions.flatMap((p) => p.isr))];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-all text-xl font-semibold">{data.name}</h1>
        {data.internal ? <Badge>internal</Badge> : null}
        <TopicHealthBadges underReplicated={underReplicated} offline={offline} />
        <Link href={`${pathname}/messages`} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          Messages
        </Link>
        {data.internal || readOnly ? null : (
          <div className="ml-auto flex flex-wrap gap-2">
            <Button onClick={() => setDialog('partitions')}>Add partitions</Button>
            <EditReplicasButton cluster={cluster} topic={topic} partitions={data.partitions} />
            <Button onClick={() => setDialog('partition')}>Delete records</Button>
            <Button onClick={() => setDialog('elect')}>Elect leaders</Button>
            <Button variant="danger" onClick={() => setDialog('empty')}>
              Empty topic
            </Button>
            <Button variant="danger" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </div>
        )}
      </div>
      <TopicStats topic={data} />
      <TopicSchemas cluster={cluster} topic={topic} />
      <TopicConnectors cluster={cluster} topic={topic} />
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      <Tabs tabs={TABS} active={tab} hrefFor={(id) => `${pathname}?tab=${id}`} />
      {tab === 'partitions' ? <PartitionsTable partitions={data.partitions} /> : null}
      {tab === 'layout' ? <ReplicaGrid layout={replicaLayout(data.partitions, liveBrokers)} /> : null}
      {tab === 'configuration' ? (
        <div className="space-y-3">
          <input
            type="search"
            aria-label="Filter configs"
            placeholder="Filter configs…"
            value={configFilter}
            onChange={(e) => setConfigFilter(e.target.value)}
            className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400"
          />
          <ConfigTable configs={data.configs} filter={configFilter} onEdit={data.internal || readOnly ? undefined : setEditing} />
        </div>
      ) : null}
      {tab === 'consumers' ? <TopicConsumers cluster={cluster} topic={topic} /> : null}
      {tab === 'acls' ? <ResourceAcls cluster={cluster} type="TOPIC" name={topic} /> : null}
      <DeleteTopicDialog cluster={cluster} topic={topic} open={dialog === 'delete'} onClose={() => setDialog(null)} />
      {dialog === 'partitions' ? (
        <AddPartitionsDialog cluster={cluster} topic={topic} current={data.partitions.length} open onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'empty' || dialog === 'partition' ? (
        <DeleteRecordsDialog cluster={cluster} topic={topic} partitions={data.partitions} mode={dialog} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'elect' ? (
        <ElectLeadersDialog
          cluster={cluster}
          title={`Elect leaders for ${topic}`}
          partitions={data.partitions.map((p) => ({ topic, partition: p.partition }))}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {editing ? <EditConfigDialog cluster={cluster} topic={topic} entry={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
