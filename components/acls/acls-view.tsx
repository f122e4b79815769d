'use client';

import { useState } from 'react';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { principalProblem } from '@/lib/acl-validation';
import { useAcls } from '@/lib/api/acls';
import { useReadOnly } from '@/lib/api/clusters';
import { ACL_OPERATIONS, ACL_RESOURCE_TYPES, type AclBinding, type AclFilter } from '@/lib/types/acls';
import { AclTable } from './acl-table';
import { CreateAclDialog } from './create-acl-dialog';
import { DeleteAclsDialog } from './delete-acls-dialog';
import { NoAuthorizer } from './no-authorizer';
import { exactFilter } from './resource-acls';

const field = 'rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';

/** The filter fields as typed: text matches as a substring, selects exactly. */
interface Shown {
  principal: string;
  resourceType: string;
  resourceName: string;
  operation: string;
}

const contains = (value: string, part: string) => value.toLowerCase().includes(part.trim().toLowerCase());
const shownBy = (f: Shown) => (a: AclBinding) =>
  contains(a.principal, f.principal) &&
  contains(a.resourceName, f.resourceName) &&
  (!f.resourceType || a.resourceType === f.resourceType) &&
  (!f.operation || a.operation === f.operation);

/**
 * The delete filter for what the fields say, when they name a principal or a resource exactly;
 * else null (substring matches are for looking, not for deleting).
 */
function deleteFilter(f: Shown): AclFilter | null {
  const principal = f.principal.trim();
  const filter: AclFilter = {
    ...(principal && !principalProblem(principal) ? { principal } : {}),
    ...(f.resourceType ? { resourceType: f.resourceType as AclFilter['resourceType'] } : {}),
    ...(f.resourceName.trim() ? { resourceName: f.resourceName.trim() } : {}),
    ...(f.operation ? { operation: f.operation as AclFilter['operation'] } : {}),
  };
  return (principal && !filter.principal) || (!filter.principal && !filter.resourceName) ? null : filter;
}

/** Every ACL in the cluster, filtered as you type and grouped by principal; create, and delete by filter with a preview. */
export function AclsView({ cluster }: { cluster: string }) {
  const { data, error, isPending } = useAcls(cluster, {});
  const readOnly = useReadOnly();
  const [shown, setShown] = useState<Shown>({ principal: '', resourceType: '', resourceName: '', operation: '' });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'delete'; filter: AclFilter } | null>(null);
  if (isPending) return <Loading label="Reading ACLs…" />;
  if (!data) return <ClusterUnreachable cluster={cluster} error={error} />;
  const set = (key: keyof Shown) => (e: { target: { value: string } }) => setShown({ ...shown, [key]: e.target.value });
  const visible = data.acls.filter(shownBy(shown));
  const toDelete = deleteFilter(shown);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">ACLs</h1>
        {data.authorizer ? (
          <span className="text-sm text-slate-600">
            {visible.length} of {data.acls.length}
          </span>
        ) : null}
        {readOnly || !data.authorizer ? null : (
          <div className="ml-auto flex gap-2">
            <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
              Create ACL
            </Button>
            <Button
              variant="danger"
              disabled={!toDelete}
              title={toDelete ? undefined : 'Name a whole principal (User:alice) or a resource name to delete by filter'}
              onClick={() => toDelete && setDialog({ kind: 'delete', filter: toDelete })}
            >
              Delete matching…
            </Button>
          </div>
        )}
      </div>
      {!data.authorizer ? (
        <NoAuthorizer />
      ) : (
        <>
          <div className="flex flex-wrap gap-2" role="search">
            <input aria-label="Principal" placeholder="Principal (User:alice)" value={shown.principal} onChange={set('principal')} className={field} />
            <select aria-label="Resource type" value={shown.resourceType} onChange={set('resourceType')} className={field}>
              <option value="">Any resource</option>
              {ACL_RESOURCE_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            <input aria-label="Resource name" placeholder="Resource name" value={shown.resourceName} onChange={set('resourceName')} className={field} />
            <select aria-label="Operation" value={shown.operation} onChange={set('operation')} className={field}>
              <option value="">Any operation</option>
              {ACL_OPERATIONS.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </div>
          {visible.length ? (
            <AclTable acls={visible} onDelete={readOnly ? undefined : (a) => setDialog({ kind: 'delete', filter: exactFilter(a) })} />
          ) : (
            <p className="text-sm text-slate-600">{data.acls.length ? 'No ACL matches the filter.' : 'This cluster has no ACLs.'}</p>
          )}
        </>
      )}
      {dialog?.kind === 'create' ? <CreateAclDialog cluster={cluster} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? <DeleteAclsDialog cluster={cluster} filter={dialog.filter} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
