'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { setFlash } from '@/components/ui/flash-notice';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useDeleteGroup } from '@/lib/api/groups';

export function DeleteGroupDialog({ cluster, groupId, onClose }: { cluster: string; groupId: string; onClose: () => void }) {
  const remove = useDeleteGroup(cluster);
  const router = useRouter();
  const list = `/clusters/${encodeURIComponent(cluster)}/groups`;
  const onDeleted = () => {
    setFlash(list, `Deleted consumer group ${groupId}`);
    router.push(list);
  };
  return (
    <Modal open title="Delete consumer group" onClose={onClose}>
      <p className="text-sm text-slate-700">
        This deletes <strong className="font-mono">{groupId}</strong> and its committed offsets. A consumer that joins it later starts from its
        <span className="font-mono"> auto.offset.reset</span> position.
      </p>
      <ErrorText>{remove.error ? failureMessage('delete group', remove.error) : null}</ErrorText>
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(groupId, { onSuccess: onDeleted })}>
          {remove.isPending ? 'Deleting…' : 'Delete group'}
        </Button>
      </div>
    </Modal>
  );
}
