'use client';

import { LoadState } from '@/components/cluster/load-state';
import Link from 'next/link';
import { useState } from 'react';
import { ConfigTable } from '@/components/topics/config-table';
import { Badge } from '@/components/ui/badge';
import { Breadcrumbs, sectionCrumbs } from '@/components/ui/breadcrumbs';
import { StatCard } from '@/components/ui/stat-card';
import { useBroker } from '@/lib/api/brokers';
import { useReadOnly } from '@/lib/api/clusters';
import type { ConfigEntry } from '@/lib/types/topics';
import { EditBrokerConfigDialog } from './edit-broker-config-dialog';
import { formatBytes } from '@/lib/format';

export function BrokerView({ cluster, nodeId }: { cluster: string; nodeId: number }) {
  const { data, error, isPending } = useBroker(cluster, nodeId);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  const readOnly = useReadOnly();
  // A 404: the broker left the cluster while the page was open (the page itself answers 404 for an unknown one).
  if (!data) return <LoadState cluster={cluster} isPending={isPending} error={error} notFound={{ title: 'No such broker' }} />;
  const overrides = data.configs.filter((c) => !c.isDefault).length;
  return (
    <div className="space-y-5">
      <Breadcrumbs items={sectionCrumbs(cluster, { label: 'Brokers', path: 'brokers' }, `Broker ${data.nodeId}`)} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Broker {data.nodeId}</h1>
        <span className="font-mono text-sm text-slate-500">{data.host ? `${data.host}:${data.port}` : 'not registered'}</span>
        {data.online ? <Badge tone="ok">online</Badge> : <Badge tone="danger">offline</Badge>}
        {data.isController ? <Badge tone="info">Active controller</Badge> : null}
      </div>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <StatCard label="Rack" value={data.rack ?? '—'} />
        <StatCard label="Leaders" value={data.leaders} />
        <StatCard label="Replicas" value={data.replicas} />
        <StatCard label="Out of ISR" value={data.outOfSyncReplicas} tone={data.outOfSyncReplicas ? 'warn' : 'plain'} />
        <StatCard label="Disk" value={data.sizeBytes === null ? '—' : formatBytes(data.sizeBytes)} />
      </dl>
      {data.outOfSyncPartitions.length ? (
        <section className="space-y-1">
          <h2 className="font-semibold">Partitions this broker is out of sync for</h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {data.outOfSyncPartitions.map((p) => (
              <li key={`${p.topic}-${p.partition}`}>
                <Link
                  className="font-mono text-indigo-700 hover:underline"
                  href={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(p.topic)}`}
                >
                  {p.topic}-{p.partition}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="font-semibold">Configuration</h2>
          <span className="text-sm text-slate-500">{overrides} set explicitly</span>
          <input
            type="search"
            aria-label="Filter configs"
            placeholder="Filter configs…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="ml-auto w-72 rounded border border-slate-300 px-3 py-1.5 text-sm"
          />
        </div>
        {data.online ? (
          <ConfigTable configs={data.configs} filter={filter} onEdit={readOnly ? undefined : setEditing} />
        ) : (
          <p className="text-sm text-slate-600">An offline broker cannot report its configuration.</p>
        )}
      </section>
      {editing ? <EditBrokerConfigDialog cluster={cluster} nodeId={data.nodeId} entry={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
