'use client';

import { useEffect } from 'react';

/**
 * On the 404 page of something that may appear at any moment (a consumer group exists once its
 * first consumer joins): asks the API every few seconds and loads the page again once the thing
 * exists, so it shows instead of staying "not found". A full load: Next keeps a not-found page
 * through a router refresh.
 */
export function RefreshWhileMissing({ probeUrl, everyMs = 3000 }: { probeUrl: string; everyMs?: number }) {
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(() => {
      void fetch(probeUrl, { cache: 'no-store' }).then(
        (response) => {
          if (response.ok && !stopped) window.location.reload();
        },
        () => {},
      );
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [probeUrl, everyMs]);
  return null;
}
