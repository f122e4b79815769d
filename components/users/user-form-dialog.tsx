'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useUpsertUser } from '@/lib/api/users';
import { kafkaConfigsScramCommand } from '@/lib/configs-cli';
import { DEFAULT_ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS, SCRAM_MECHANISMS, type ScramMechanismName } from '@/lib/scram-credential';

const input = 'w-full rounded border border-slate-300 px-2 py-1.5 text-sm';

/** Creates a SCRAM user, or (with `name`) sets a new password for one of its mechanisms. */
export function UserFormDialog({ cluster, bootstrap, name: fixedName, onClose }: { cluster: string; bootstrap: string; name?: string; onClose: () => void }) {
  const upsert = useUpsertUser(cluster);
  const [name, setName] = useState(fixedName ?? '');
  const [mechanism, setMechanism] = useState<ScramMechanismName>('SCRAM-SHA-256');
  const [password, setPassword] = useState('');
  const [iterations, setIterations] = useState(String(DEFAULT_ITERATIONS));
  const count = Number(iterations);
  const valid = name.trim() !== '' && password !== '' && Number.isInteger(count) && count >= MIN_ITERATIONS && count <= MAX_ITERATIONS;
  const submit = () => upsert.mutate({ name, mechanism, password, iterations: count }, { onSuccess: onClose });
  return (
    <Modal open title={fixedName ? `Change password of ${fixedName}` : 'Create SCRAM user'} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) submit();
        }}
      >
        {fixedName ? null : (
          <label className="block text-sm">
            User name
            <input className={input} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
          </label>
        )}
        <label className="block text-sm">
          Mechanism
          <select className={input} value={mechanism} onChange={(e) => setMechanism(e.target.value as ScramMechanismName)}>
            {SCRAM_MECHANISMS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          Password
          <input className={input} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />
        </label>
        <label className="block text-sm">
          Iterations ({MIN_ITERATIONS}–{MAX_ITERATIONS})
          <input className={input} type="number" min={MIN_ITERATIONS} max={MAX_ITERATIONS} value={iterations} onChange={(e) => setIterations(e.target.value)} />
        </label>
        <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="user-cli">
          {kafkaConfigsScramCommand(bootstrap, { name: name || '<name>', mechanism, iterations: count || DEFAULT_ITERATIONS })}
        </pre>
        <ErrorText>{upsert.error ? failureMessage(fixedName ? 'change the password' : 'create the user', upsert.error) : null}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!valid || upsert.isPending}>
            {upsert.isPending ? 'Saving…' : fixedName ? 'Set password' : 'Create user'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
