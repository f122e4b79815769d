'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useConnectorAction, type ConnectorActionInput } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';

const RESTARTS: { label: string; includeTasks: boolean; onlyFailed: boolean }[] = [
  { label: 'Restart connector', includeTasks: false, onlyFailed: false },
  { label: 'Restart failed tasks', includeTasks: true, onlyFailed: true },
  { label: 'Restart all tasks', includeTasks: true, onlyFailed: false },
];

/** Pause, resume, stop, the three restarts, and delete (after a confirmation naming the connector). */
export function ConnectorActions({ cluster, connect, name, state }: { cluster: string; connect: string; name: string; state: string }) {
  const router = useRouter();
  const action = useConnectorAction(cluster, connect, name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const run = (input: ConnectorActionInput) => action.mutate(input);
  const remove = () => action.mutate({ action: 'delete' }, { onSuccess: () => router.push(`/clusters/${encodeURIComponent(cluster)}/connect`) });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {state === 'PAUSED' || state === 'STOPPED' ? (
          <Button onClick={() => run({ action: 'resume' })} disabled={action.isPending}>
            Resume
          </Button>
        ) : (
          <Button onClick={() => run({ action: 'pause' })} disabled={action.isPending}>
            Pause
          </Button>
        )}
        <Button onClick={() => run({ action: 'stop' })} disabled={action.isPending || state === 'STOPPED'}>
          Stop
        </Button>
        {RESTARTS.map(({ label, includeTasks, onlyFailed }) => (
          <Button key={label} onClick={() => run({ action: 'restart', includeTasks, onlyFailed })} disabled={action.isPending}>
            {label}
          </Button>
        ))}
        <Button variant="danger" onClick={() => setConfirmDelete(true)} disabled={action.isPending}>
          Delete…
        </Button>
      </div>
      <ErrorText>{action.error ? failureMessage(`${action.variables?.action ?? 'change'} connector`, action.error) : null}</ErrorText>
      <Modal open={confirmDelete} title={`Delete connector ${name}?`} onClose={() => setConfirmDelete(false)}>
        <p className="text-sm">Connect stops its tasks and forgets its config. Its topics, and a source connector&apos;s offsets, stay.</p>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
          <Button variant="danger" onClick={remove} disabled={action.isPending}>
            Delete connector
          </Button>
        </div>
      </Modal>
    </div>
  );
}
