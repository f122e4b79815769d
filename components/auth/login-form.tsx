'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { apiFetch, failureMessage } from '@/lib/api/fetch';
import { safeNextPath } from '@/lib/safe-redirect';

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-2 focus:ring-indigo-400';

export function LoginForm() {
  const router = useRouter();
  const next = useSearchParams().get('next');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
      // Only this origin: never redirect to another site from a link someone sent.
      router.replace(safeNextPath(next, window.location.origin));
      router.refresh();
    } catch (err) {
      setError(err);
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Log in">
      <label className="block text-sm font-medium">
        Username
        <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} className={field} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} className={field} />
      </label>
      <ErrorText>{error ? failureMessage('log in', error) : null}</ErrorText>
      <Button type="submit" variant="primary" disabled={pending || !username || !password}>
        {pending ? 'Logging in…' : 'Log in'}
      </Button>
    </form>
  );
}
