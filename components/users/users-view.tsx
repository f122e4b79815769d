'use client';

import { useState } from 'react';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { useClusters, useReadOnly } from '@/lib/api/clusters';
import { useUsers } from '@/lib/api/users';
import type { ScramUser } from '@/lib/types/users';
import { DeleteUserDialog } from './delete-user-dialog';
import { UserFormDialog } from './user-form-dialog';
import { EmptyState } from '@/components/ui/empty-state';

type Dialog = { kind: 'create' } | { kind: 'password'; user: ScramUser } | { kind: 'delete'; user: ScramUser } | null;

/** SCRAM users (kafka-configs --entity-type users): list, create, change password, delete. */
export function UsersView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useUsers(cluster);
  const readOnly = useReadOnly();
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Users</h1>
        <span className="text-sm text-slate-500">SCRAM credentials; passwords are never shown</span>
        {readOnly ? null : (
          <Button variant="primary" className="ml-auto" onClick={() => setDialog({ kind: 'create' })}>
            Create user
          </Button>
        )}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {isPending ? <Loading label="Reading SCRAM users…" /> : null}
      {data && data.users.length === 0 ? <EmptyState>No SCRAM users in this cluster.</EmptyState> : null}
      {data && data.users.length > 0 ? (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="px-3 py-2">User</th>
              <th className="px-3 py-2">Mechanisms</th>
              <th className="px-3 py-2 sr-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <tr key={user.name} className="border-t border-slate-100">
                <td className="px-3 py-2 font-mono">{user.name}</td>
                <td className="px-3 py-2">{user.mechanisms.map((m) => `${m.mechanism} (${m.iterations} iterations)`).join(', ')}</td>
                <td className="px-3 py-2 text-right">
                  {readOnly ? null : (
                    <span className="flex justify-end gap-2">
                      <Button aria-label={`Change password of ${user.name}`} onClick={() => setDialog({ kind: 'password', user })}>
                        Change password
                      </Button>
                      <Button variant="danger" aria-label={`Delete ${user.name}`} onClick={() => setDialog({ kind: 'delete', user })}>
                        Delete
                      </Button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {dialog?.kind === 'create' ? <UserFormDialog cluster={cluster} bootstrap={bootstrap} onClose={close} /> : null}
      {dialog?.kind === 'password' ? <UserFormDialog cluster={cluster} bootstrap={bootstrap} name={dialog.user.name} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? <DeleteUserDialog cluster={cluster} bootstrap={bootstrap} user={dialog.user} onClose={close} /> : null}
    </div>
  );
}
