'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { readTimeZoneChoice, TIME_ZONE_STORAGE_KEY, type TimeZoneChoice } from '@/lib/timestamp-format';

// Every list on the page follows one choice; other tabs follow through the storage event.
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function stored(): TimeZoneChoice {
  try {
    return readTimeZoneChoice(window.localStorage.getItem(TIME_ZONE_STORAGE_KEY));
  } catch {
    return 'utc'; // storage refused (private mode, a policy): the default, not an error
  }
}

/** UTC or the browser's local time for message timestamps, remembered in localStorage. */
export function useTimeZone(): [TimeZoneChoice, (zone: TimeZoneChoice) => void] {
  const zone = useSyncExternalStore(subscribe, stored, () => 'utc' as const);
  const set = useCallback((next: TimeZoneChoice) => {
    try {
      window.localStorage.setItem(TIME_ZONE_STORAGE_KEY, next);
    } catch {
      // Not remembered, still applied below for this page.
    }
    for (const l of listeners) l();
  }, []);
  return [zone, set];
}
