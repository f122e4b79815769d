'use client';

import { useRouter } from 'next/navigation';

export function UserMenu({ username, role }: { username: string; role: string }) {
  const router = useRouter();
  const logout = async () => {
    await fetch('/api/auth/logout', { method: 'POST' });
    router.push('/login');
    router.refresh();
  };
  return (
    <span className="flex items-center gap-2 text-sm text-slate-300">
      <span>
        {username} <span className="text-slate-500">({role})</span>
      </span>
      <button type="button" onClick={() => void logout()} className="rounded px-2 py-1 hover:bg-slate-800 hover:text-white">
        Log out
      </button>
    </span>
  );
}
