'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckVerdict } from '@/components/ui/check-verdict';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useChangeQuota, useCheckQuota } from '@/lib/api/quotas';
import { kafkaConfigsQuotaCommand } from '@/lib/configs-cli';
import { describeEntity, keysFor, valuesToSend } from '@/lib/quota-form';
import type { ClientQuota, QuotaChangeResult, QuotaEntity } from '@/lib/types/quotas';

const input = 'w-full rounded border border-slate-300 px-2 py-1.5 text-sm';
const KINDS = { user: 'User', clientId: 'Client id', both: 'User + client id', ip: 'IP' } as const;
type Kind = keyof typeof KINDS;

/** One name of an entity: a name, or the default (`--entity-default`). */
function NamePart({ label, value, onChange }: { label: string; value: string | null; onChange: (v: string | null) => void }) {
  return (
    <div className="flex items-end gap-2 text-sm">
      <label className="flex-1">
        {label}
        <input className={input} value={value ?? ''} disabled={value === null} onChange={(e) => onChange(e.target.value)} />
      </label>
      <label className="flex items-center gap-1 pb-2">
        <input type="checkbox" checked={value === null} onChange={(e) => onChange(e.target.checked ? null : '')} />
        default
      </label>
    </div>
  );
}

const verdictLines = (result: QuotaChangeResult) => (result.changes ?? []).map(({ key, from, to }) => `${key}: ${from ?? 'not set'} → ${to ?? 'removed'}`);

/** Sets quota values of a new entity, or (with `quota`) edits a listed one; an emptied field removes that value. */
export function QuotaFormDialog({ cluster, bootstrap, quota, onClose }: { cluster: string; bootstrap: string; quota?: ClientQuota; onClose: () => void }) {
  const change = useChangeQuota(cluster);
  const check = useCheckQuota(cluster);
  const [kind, setKind] = useState<Kind>('user');
  const [user, setUser] = useState<string | null>('');
  const [clientId, setClientId] = useState<string | null>('');
  const [ip, setIp] = useState<string | null>('');
  const entity: QuotaEntity =
    quota?.entity ?? (kind === 'user' ? { user } : kind === 'clientId' ? { clientId } : kind === 'both' ? { user, clientId } : { ip });
  const keys = keysFor(entity);
  const [fields, setFields] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(quota?.values ?? {}).map(([k, v]) => [k, String(v)])));
  const shown = Object.fromEntries(keys.map((k) => [k, fields[k] ?? '']));
  const values = valuesToSend(shown, quota?.values);
  const named = Object.values(entity).every((name) => name === null || (typeof name === 'string' && name.trim() !== ''));
  const valid = named && values !== null && Object.keys(values).length > 0;
  // A verdict holds only for what was checked: editing the form puts it away.
  const checked = valid && !check.isPending && JSON.stringify(check.variables) === JSON.stringify({ entity, values });
  return (
    <Modal open title={quota ? `Edit quota of ${describeEntity(quota.entity)}` : 'Set quota'} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid && values) change.mutate({ entity, values }, { onSuccess: onClose });
        }}
      >
        {quota ? null : (
          <>
            <label className="block text-sm">
              Entity
              <select className={input} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {Object.entries(KINDS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {kind === 'user' || kind === 'both' ? <NamePart label="User" value={user} onChange={setUser} /> : null}
            {kind === 'clientId' || kind === 'both' ? <NamePart label="Client id" value={clientId} onChange={setClientId} /> : null}
            {kind === 'ip' ? <NamePart label="IP" value={ip} onChange={setIp} /> : null}
          </>
        )}
        {keys.map((key) => (
          <label key={key} className="block text-sm">
            <span className="font-mono">{key}</span>
            <input
              className={input}
              inputMode="decimal"
              value={shown[key]}
              onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
              placeholder="not set"
            />
          </label>
        ))}
        {values && named ? (
          <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="quota-cli">
            {kafkaConfigsQuotaCommand(bootstrap, entity, values)}
          </pre>
        ) : null}
        {checked ? (
          <CheckVerdict accepted={check.data ? verdictLines(check.data) : null} refusal={check.error ? failureMessage('check the quota', check.error) : null} />
        ) : null}
        <ErrorText>{change.error ? failureMessage('set the quota', change.error) : values === null ? 'Quota values are numbers, 0 or more' : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            onClick={() => valid && values && check.mutate({ entity, values })}
            disabled={!valid || check.isPending}
            title="Ask Kafka to validate the change without making it"
          >
            {check.isPending ? 'Checking…' : 'Check'}
          </Button>
          <Button type="submit" variant="primary" disabled={!valid || change.isPending}>
            {change.isPending ? 'Saving…' : 'Save quota'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
