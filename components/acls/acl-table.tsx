import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { AclBinding } from '@/lib/types/acls';

/** "ALLOW READ for User:alice on TOPIC orders": names one binding, e.g. for its delete button. */
export function describeAcl(a: AclBinding): string {
  const resource = a.patternType === 'PREFIXED' ? `prefix ${a.resourceName}` : a.resourceName;
  const from = a.host === '*' ? '' : ` from ${a.host}`;
  return `${a.permission} ${a.operation} for ${a.principal} on ${a.resourceType} ${resource}${from}`;
}

const aclKey = (a: AclBinding) => JSON.stringify([a.resourceType, a.resourceName, a.patternType, a.host, a.operation, a.permission]);

/** Bindings grouped by principal, as operators think of them ("what may alice do?"). */
export function AclTable({ acls, onDelete }: { acls: AclBinding[]; onDelete?: (acl: AclBinding) => void }) {
  const byPrincipal = new Map<string, AclBinding[]>();
  for (const acl of acls) byPrincipal.set(acl.principal, [...(byPrincipal.get(acl.principal) ?? []), acl]);
  return (
    <div className="space-y-4">
      {[...byPrincipal].map(([principal, bindings]) => (
        <section key={principal} aria-label={`ACLs of ${principal}`} className="space-y-1">
          <h3 className="font-mono text-sm font-semibold">
            {principal} <span className="font-sans font-normal text-slate-500">({bindings.length})</span>
          </h3>
          <DataTable caption={`ACLs of ${principal}`} columns={['Resource', 'Name', 'Pattern', 'Host', 'Operation', 'Permission', onDelete ? '' : null]}>
            <tbody>
              {bindings.map((a) => (
                <tr key={aclKey(a)} className="border-t border-slate-100">
                  <td className="px-3 py-1.5">{a.resourceType}</td>
                  <td className="break-all px-3 py-1.5 font-mono">{a.resourceName}</td>
                  <td className="px-3 py-1.5">{a.patternType}</td>
                  <td className="px-3 py-1.5 font-mono">{a.host}</td>
                  <td className="px-3 py-1.5">{a.operation}</td>
                  <td className="px-3 py-1.5">
                    <Badge tone={a.permission === 'DENY' ? 'danger' : 'ok'}>{a.permission}</Badge>
                  </td>
                  {onDelete ? (
                    <td className="px-3 py-1.5 text-right">
                      <button
                        type="button"
                        aria-label={`Delete ACL: ${describeAcl(a)}`}
                        onClick={() => onDelete(a)}
                        className="text-sm text-red-700 hover:underline"
                      >
                        Delete
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ))}
    </div>
  );
}
