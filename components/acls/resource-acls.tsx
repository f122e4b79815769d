'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { useAcls } from '@/lib/api/acls';
import { useReadOnly } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import type { AclBinding, AclFilter, AclResourceType } from '@/lib/types/acls';
import { AclTable } from './acl-table';
import { CreateAclDialog } from './create-acl-dialog';
import { DeleteAclsDialog } from './delete-acls-dialog';
import { NoAuthorizer } from './no-authorizer';

/** The exact filter that selects one binding and nothing else. */
export const exactFilter = (a: AclBinding) => ({ ...a }) as AclFilter;

/**
 * The ACLs that apply to one topic or group: Kafka's MATCH filter returns the literal ones, the
 * prefixed ones whose prefix the name starts with, and the `*` wildcard.
 */
export function ResourceAcls({ cluster, type, name }: { cluster: string; type: AclResourceType; name: string }) {
  const { data, error, isPending } = useAcls(cluster, { resourceType: type, resourceName: name, patternType: 'MATCH' });
  const readOnly = useReadOnly();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AclBinding | null>(null);
  const kind = type === 'TOPIC' ? 'topic' : 'group';
  if (isPending) return <Loading label="Reading ACLs…" />;
  if (!data) return <ErrorText>{failureMessage('read the ACLs', error)}</ErrorText>;
  if (!data.authorizer) return <NoAuthorizer />;
  return (
    <section aria-label="ACLs" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600">
          {data.acls.length
            ? `${data.acls.length} ACL${data.acls.length === 1 ? '' : 's'} apply to this ${kind} (literal, prefixed and * matches).`
            : `No ACL applies to this ${kind}: it is open to every client (allow.everyone.if.no.acl.found) or closed, as the brokers are configured.`}
        </p>
        {readOnly ? null : (
          <Button className="ml-auto" onClick={() => setCreating(true)}>
            Create ACL
          </Button>
        )}
      </div>
      <AclTable acls={data.acls} onDelete={readOnly ? undefined : setDeleting} />
      {creating ? <CreateAclDialog cluster={cluster} resource={{ type, name }} onClose={() => setCreating(false)} /> : null}
      {deleting ? <DeleteAclsDialog cluster={cluster} filter={exactFilter(deleting)} title="Delete ACL" onClose={() => setDeleting(null)} /> : null}
    </section>
  );
}
