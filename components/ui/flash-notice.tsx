'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

const KEY = 'kafka-dashboard:flash';

/**
 * Leaves a one-time confirmation for the page at `path` ("Deleted topic orders" on the topic list
 * the user lands on). Kept in sessionStorage, not the URL: list pages rewrite their query string,
 * and a reload must not say it again.
 */
export function setFlash(path: string, message: string) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ path, message }));
  } catch {
    // Storage disabled: the list simply no longer shows the deleted item.
  }
}

/** Paths compared decoded: usePathname and encodeURIComponent may spell a name differently. */
const samePath = (a: string, b: string) => {
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return a === b;
  }
};

function takeFlash(path: string): string | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (
      !stored ||
      typeof stored !== 'object' ||
      !('path' in stored) ||
      !('message' in stored) ||
      typeof stored.path !== 'string' ||
      !samePath(stored.path, path)
    )
      return null;
    sessionStorage.removeItem(KEY);
    return String(stored.message);
  } catch {
    return null;
  }
}

/** Shows the confirmation left for this page, once, until dismissed. */
export function FlashNotice() {
  const pathname = usePathname();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const taken = takeFlash(pathname);
    if (taken) setMessage(taken);
  }, [pathname]);
  if (!message) return null;
  return (
    <div role="status" className="mb-4 flex items-center gap-3 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
      <span className="break-all">{message}</span>
      <button type="button" onClick={() => setMessage(null)} aria-label="Dismiss" className="ml-auto text-emerald-800 hover:text-emerald-950">
        ✕
      </button>
    </div>
  );
}
