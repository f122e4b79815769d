'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useDeleteUser } from '@/lib/api/users';
import { kafkaConfigsDeleteScramCommand } from '@/lib/configs-cli';
import type { ScramUser } from '@/lib/types/users';

/** Deletes one mechanism of a user, or all of them (the user can then no longer log in). */
export function DeleteUserDialog({ cluster, bootstrap, user, onClose }: { cluster: string; bootstrap: string; user: ScramUser; onClose: () => void }) {
  const remove = useDeleteUser(cluster);
  const mechanisms = user.mechanisms.map((m) => m.mechanism).filter((m) => m !== 'UNKNOWN');
  const [which, setWhich] = useState('');
  const doomed = which ? [which] : mechanisms;
  return (
    <Modal open title="Delete SCRAM user" onClose={onClose}>
      <p className="text-sm text-slate-700">
        <strong className="font-mono">{user.name}</strong> will no longer be able to log in with {which || 'any SCRAM mechanism'}. ACLs and quotas naming the
        user stay.
      </p>
      {mechanisms.length > 1 ? (
        <label className="block text-sm">
          Credentials to delete
          <select className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" value={which} onChange={(e) => setWhich(e.target.value)}>
            <option value="">all ({mechanisms.join(', ')})</option>
            {mechanisms.map((m) => (
              <option key={m} value={m}>
                {m} only
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-xs text-slate-100">
        {kafkaConfigsDeleteScramCommand(bootstrap, user.name, doomed)}
      </pre>
      <ErrorText>{remove.error ? failureMessage('delete the user', remove.error) : null}</ErrorText>
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ name: user.name, mechanism: which || undefined }, { onSuccess: onClose })}
        >
          {remove.isPending ? 'Deleting…' : 'Delete'}
        </Button>
      </div>
    </Modal>
  );
}
