'use client';

import { useState } from 'react';
import { CopyCommand } from '@/components/topics/copy-command';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { kafkaAclsAddCommand } from '@/lib/acl-cli';
import { OPERATIONS_BY_RESOURCE, aclBindingProblem } from '@/lib/acl-validation';
import { useCreateAcls } from '@/lib/api/acls';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import {
  ACL_PATTERN_TYPES,
  ACL_PERMISSIONS,
  ACL_RESOURCE_TYPES,
  CLUSTER_RESOURCE_NAME,
  type AclOperation,
  type AclPatternType,
  type AclPermission,
  type AclResourceType,
  type NewAclBinding,
} from '@/lib/types/acls';

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-2 focus:ring-indigo-400';

/**
 * Creates one ACL, showing the equivalent kafka-acls command as you type. On a topic or group page
 * the resource type is fixed and the name starts as that resource's (a prefix may be typed instead).
 */
export function CreateAclDialog({ cluster, resource, onClose }: { cluster: string; resource?: { type: AclResourceType; name: string }; onClose: () => void }) {
  const [resourceType, setResourceType] = useState<AclResourceType>(resource?.type ?? 'TOPIC');
  const [resourceName, setResourceName] = useState(resource?.name ?? '');
  const [patternType, setPatternType] = useState<AclPatternType>('LITERAL');
  const [principal, setPrincipal] = useState('User:');
  const [host, setHost] = useState('*');
  const [operation, setOperation] = useState<AclOperation>('READ');
  const [permission, setPermission] = useState<AclPermission>('ALLOW');
  const create = useCreateAcls(cluster);
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';

  const operations = OPERATIONS_BY_RESOURCE[resourceType];
  const binding: NewAclBinding = {
    resourceType,
    patternType: resourceType === 'CLUSTER' ? 'LITERAL' : patternType,
    resourceName: resourceType === 'CLUSTER' ? CLUSTER_RESOURCE_NAME : resourceName.trim(),
    principal: principal.trim(),
    host: host.trim(),
    operation: operations.includes(operation) ? operation : 'ALL',
    permission,
  };
  const problem = aclBindingProblem(binding);

  return (
    <Modal open title="Create ACL" onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) create.mutate([binding], { onSuccess: onClose });
        }}
      >
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-sm font-medium">
            Resource type
            <select
              value={resourceType}
              disabled={resource !== undefined}
              onChange={(e) => setResourceType(e.target.value as AclResourceType)}
              className={field}
            >
              {ACL_RESOURCE_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            Pattern
            <select
              value={binding.patternType}
              disabled={resourceType === 'CLUSTER'}
              onChange={(e) => setPatternType(e.target.value as AclPatternType)}
              className={field}
            >
              {ACL_PATTERN_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="block text-sm font-medium">
          {patternType === 'PREFIXED' ? 'Name prefix' : 'Resource name (* for all)'}
          <input
            value={binding.resourceName}
            disabled={resourceType === 'CLUSTER'}
            onChange={(e) => setResourceName(e.target.value)}
            className={`${field} font-mono`}
          />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-sm font-medium">
            Principal
            <input value={principal} onChange={(e) => setPrincipal(e.target.value)} placeholder="User:alice" className={`${field} font-mono`} />
          </label>
          <label className="block text-sm font-medium">
            Host
            <input value={host} onChange={(e) => setHost(e.target.value)} placeholder="* or an IP address" className={`${field} font-mono`} />
          </label>
          <label className="block text-sm font-medium">
            Operation
            <select value={binding.operation} onChange={(e) => setOperation(e.target.value as AclOperation)} className={field}>
              {operations.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
          <fieldset className="text-sm">
            <legend className="font-medium">Permission</legend>
            {ACL_PERMISSIONS.map((p) => (
              <label key={p} className="mr-3 mt-2 inline-flex items-center gap-1">
                <input type="radio" name="permission" checked={permission === p} onChange={() => setPermission(p)} /> {p}
              </label>
            ))}
          </fieldset>
        </div>
        <p className="text-sm text-amber-800" data-testid="acl-problem">
          {problem}
        </p>
        <CopyCommand command={kafkaAclsAddCommand(bootstrap, binding)} />
        <ErrorText>{create.error ? failureMessage('create the ACL', create.error) : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={problem !== null || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create ACL'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
