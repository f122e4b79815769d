'use client';

import { useState } from 'react';
import { CopyCommand } from '@/components/topics/copy-command';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { Modal } from '@/components/ui/modal';
import { kafkaAclsListCommand, kafkaAclsRemoveCommand } from '@/lib/acl-cli';
import { useAcls, useDeleteAcls } from '@/lib/api/acls';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import type { AclFilter } from '@/lib/types/acls';
import { AclTable } from './acl-table';

/**
 * Deletes what a filter selects, after showing it: the preview is a list with the very filter the
 * delete sends (DescribeAcls and DeleteAcls take the same one), then one confirmation.
 */
export function DeleteAclsDialog({
  cluster,
  filter,
  title = 'Delete ACLs',
  onClose,
}: {
  cluster: string;
  filter: AclFilter;
  title?: string;
  onClose: () => void;
}) {
  const preview = useAcls(cluster, filter);
  const remove = useDeleteAcls(cluster);
  const [done, setDone] = useState<number | null>(null);
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const count = preview.data?.acls.length ?? 0;
  const removeCommand = kafkaAclsRemoveCommand(bootstrap, filter);

  return (
    <Modal open title={title} onClose={onClose}>
      <div className="space-y-3">
        {preview.isPending ? <Loading label="Finding the ACLs this deletes…" /> : null}
        {preview.data ? (
          <>
            <p className="text-sm" data-testid="acl-delete-preview">
              {count === 0 ? 'No ACL matches; nothing would be deleted.' : `${count} ACL${count === 1 ? '' : 's'} will be deleted:`}
            </p>
            <div className="max-h-64 overflow-y-auto">
              <AclTable acls={preview.data.acls} />
            </div>
          </>
        ) : null}
        {removeCommand ? (
          <CopyCommand command={removeCommand} />
        ) : (
          <>
            <p className="text-xs text-slate-600">kafka-acls removes by resource only; this lists what the filter selects:</p>
            <CopyCommand command={kafkaAclsListCommand(bootstrap, filter)} />
          </>
        )}
        {done !== null ? (
          <p role="status" className="text-sm text-emerald-700">
            Deleted {done} ACL{done === 1 ? '' : 's'}.
          </p>
        ) : null}
        <ErrorText>
          {preview.error ? failureMessage('preview the delete', preview.error) : remove.error ? failureMessage('delete the ACLs', remove.error) : null}
        </ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{done === null ? 'Cancel' : 'Close'}</Button>
          {done === null ? (
            <Button
              variant="danger"
              disabled={!count || remove.isPending}
              onClick={() => remove.mutate(filter, { onSuccess: (result) => setDone(result.deleted) })}
            >
              {remove.isPending ? 'Deleting…' : `Delete ${count} ACL${count === 1 ? '' : 's'}`}
            </Button>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
