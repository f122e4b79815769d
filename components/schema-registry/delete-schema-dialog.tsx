'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useDeleteSchema } from '@/lib/api/schema-registry';

/**
 * Deletes a version (or, with version null, the whole subject). Soft by default: the registry keeps
 * the schema so ids in old messages still resolve. A hard delete needs the subject typed back.
 */
export function DeleteSchemaDialog({
  cluster,
  subject,
  version,
  permanent,
  onClose,
  onDeleted,
}: {
  cluster: string;
  subject: string;
  version: number | null;
  permanent: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteSchema(cluster, subject);
  const what = version === null ? `every version of ${subject}` : `version ${version} of ${subject}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    // As in the register form: the page refetches under the dialog, so the promise, not mutate's callbacks.
    remove.mutateAsync({ version, permanent }).then(onDeleted, () => {
      // Shown from remove.error.
    });
  };
  return (
    <Modal open title={`${permanent ? 'Permanently delete' : 'Soft-delete'} ${version === null ? 'subject' : `version ${version}`}`} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <p className="text-sm text-slate-700">
          {permanent ? (
            <>
              This removes {what} from the registry for good: messages written with {version === null ? 'these schemas' : 'this schema'} can no longer be
              decoded by id. It cannot be undone.
            </>
          ) : (
            <>
              This hides {what}; the registry keeps {version === null ? 'the schemas' : 'the schema'}, so messages written with{' '}
              {version === null ? 'them' : 'it'} still decode. A hard delete can follow.
            </>
          )}
        </p>
        {permanent ? (
          <label className="block text-sm">
            Type the subject name to confirm
            <input
              autoFocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-label="Subject name to confirm"
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 font-mono focus:outline-none focus:ring-2 focus:ring-red-400"
            />
          </label>
        ) : null}
        <ErrorText>{remove.error ? failureMessage('delete', remove.error) : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={(permanent && typed !== subject) || remove.isPending}>
            {remove.isPending ? 'Deleting…' : permanent ? 'Delete permanently' : 'Soft-delete'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
