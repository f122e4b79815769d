'use client';

import { useState } from 'react';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { useClusters, useReadOnly } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useChangeQuota, useQuotas } from '@/lib/api/quotas';
import { entityKey } from '@/lib/quota-entity';
import { describeEntity, removeAll } from '@/lib/quota-form';
import type { ClientQuota } from '@/lib/types/quotas';
import { QuotaFormDialog } from './quota-form-dialog';
import { EmptyState } from '@/components/ui/empty-state';

/** Client quotas per entity (users, client ids, both, IPs, defaults): list, set, edit, remove. */
export function QuotasView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useQuotas(cluster);
  const readOnly = useReadOnly();
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const remove = useChangeQuota(cluster);
  const [editing, setEditing] = useState<ClientQuota | 'new' | null>(null);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Quotas</h1>
        <span className="text-sm text-slate-500">byte rates in bytes/s per broker; request percentage of one I/O thread</span>
        {readOnly ? null : (
          <Button variant="primary" className="ml-auto" onClick={() => setEditing('new')}>
            Set quota
          </Button>
        )}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {isPending ? <Loading label="Reading client quotas…" /> : null}
      <ErrorText>{remove.error ? failureMessage('remove the quota', remove.error) : null}</ErrorText>
      {data && data.quotas.length === 0 ? <EmptyState>No client quotas in this cluster.</EmptyState> : null}
      {data && data.quotas.length > 0 ? (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="px-3 py-2">Entity</th>
              <th className="px-3 py-2">Quotas</th>
              <th className="px-3 py-2 sr-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.quotas.map((quota) => {
              const name = describeEntity(quota.entity);
              return (
                <tr key={entityKey(quota.entity)} className="border-t border-slate-100">
                  <td className="px-3 py-2 font-mono">{name}</td>
                  <td className="px-3 py-2 font-mono">
                    {Object.entries(quota.values)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(', ')}
                  </td>
                  <td className="px-3 py-2">
                    {readOnly ? null : (
                      <span className="flex justify-end gap-2">
                        <Button aria-label={`Edit quota of ${name}`} onClick={() => setEditing(quota)}>
                          Edit
                        </Button>
                        <Button
                          variant="danger"
                          aria-label={`Remove quota of ${name}`}
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(`Remove every quota of ${name}?`)) remove.mutate({ entity: quota.entity, values: removeAll(quota) });
                          }}
                        >
                          Remove
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <QuotaFormDialog
          key={editing === 'new' ? 'new' : entityKey(editing.entity)}
          cluster={cluster}
          bootstrap={bootstrap}
          quota={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
