'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { TailStatus, WireMessage } from '@/lib/types/messages';

export type TailState = 'idle' | 'connecting' | 'streaming' | 'done' | 'paused' | 'error';

export interface TailView {
  /** Oldest first; at most `maxMessages`. Read it when `version` changes. */
  messages: WireMessage[];
  version: number;
  received: number;
  dropped: number;
  /** Messages per second over the last few seconds. */
  rate: number;
  status: TailStatus | null;
  state: TailState;
  error: string | null;
  /** Where to resume: the next offset per partition. */
  positions: () => Record<string, number>;
  clear: () => void;
}

const RENDER_EVERY_MS = 200;

/**
 * Owns the SSE connection of a tail and its bounded buffer. Messages go into a ref, and React
 * re-renders at most five times a second however fast they arrive, so a firehose costs the page
 * the same as a trickle, while a lone message is shown without waiting. The browser's automatic EventSource reconnect is refused: it would start
 * the tail over and show messages twice. `session` names one read: when it changes, the buffer starts empty.
 */
export function useMessageTail(url: string | null, maxMessages: number, session = ''): TailView {
  const buffer = useRef<WireMessage[]>([]);
  const counters = useRef({ received: 0, dropped: 0, lastPositions: {} as Record<string, number>, samples: [] as { t: number; n: number }[] });
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<TailStatus | null>(null);
  const [state, setState] = useState<TailState>('idle');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRender = useRef(0);
  // Read when a batch arrives: changing how many are kept must not reopen the stream (and read again).
  const max = useRef(maxMessages);
  // A new session (other settings, another page) starts empty; the same one resumed (after Pause) keeps its messages.
  const lastSession = useRef(session);

  // A message after a quiet spell shows at once; under a firehose renders stay 200 ms apart.
  const render = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(0, lastRender.current + RENDER_EVERY_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRender.current = Date.now();
      setVersion((v) => v + 1);
    }, wait);
  }, []);

  const trim = useCallback(() => {
    const excess = buffer.current.length - max.current;
    if (excess > 0) {
      buffer.current.splice(0, excess);
      counters.current.dropped += excess;
    }
  }, []);

  useEffect(() => {
    max.current = maxMessages;
    trim();
    render();
  }, [maxMessages, trim, render]);

  useEffect(() => {
    if (!url) {
      setState((s) => (s === 'streaming' || s === 'connecting' ? 'paused' : s));
      return;
    }
    if (lastSession.current !== session) {
      lastSession.current = session;
      buffer.current = [];
      counters.current = { received: 0, dropped: 0, lastPositions: {}, samples: [] };
      setStatus(null);
    }
    setState('connecting');
    setError(null);
    const source = new EventSource(url);
    source.addEventListener('messages', (event) => {
      const batch = JSON.parse((event as MessageEvent<string>).data) as WireMessage[];
      const c = counters.current;
      c.received += batch.length;
      c.samples.push({ t: Date.now(), n: batch.length });
      for (const m of batch) c.lastPositions[m.partition] = Math.max(c.lastPositions[m.partition] ?? 0, m.offset + 1);
      buffer.current.push(...batch);
      trim();
      setState('streaming');
      render();
    });
    source.addEventListener('status', (event) => {
      setStatus(JSON.parse((event as MessageEvent<string>).data));
      setState((s) => (s === 'connecting' ? 'streaming' : s));
    });
    source.addEventListener('done', (event) => {
      setStatus(JSON.parse((event as MessageEvent<string>).data));
      setState('done');
      source.close();
      render();
    });
    source.addEventListener('error', (event) => {
      const data = (event as MessageEvent<string>).data;
      source.close();
      setState('error');
      setError(data ? (JSON.parse(data) as { message: string }).message : 'The connection to the dashboard server was lost');
    });
    // The rate is messages over the last few seconds: re-rendered each second so it falls when they stop.
    const tick = setInterval(() => setVersion((v) => v + 1), 1000);
    return () => {
      clearInterval(tick);
      source.close();
    };
  }, [url, session, trim, render]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const now = Date.now();
  const recent = counters.current.samples.filter((s) => s.t > now - 5000);
  counters.current.samples = recent;
  const span = recent.length ? Math.max(1, (now - recent[0].t) / 1000) : 1;
  // Nothing arrives while paused, done or stopped: the rate is 0 then, not the last one measured.
  const flowing = url !== null && state === 'streaming';

  return {
    messages: buffer.current,
    version,
    received: counters.current.received,
    dropped: counters.current.dropped,
    rate: flowing ? Math.round(recent.reduce((s, x) => s + x.n, 0) / span) : 0,
    status,
    state: url === null && (state === 'streaming' || state === 'connecting') ? 'paused' : state,
    error,
    positions: () => {
      const merged = { ...(status?.positions ?? {}) };
      for (const [p, o] of Object.entries(counters.current.lastPositions)) merged[p] = Math.max(merged[p] ?? 0, o);
      return merged;
    },
    clear: () => {
      buffer.current = [];
      counters.current.received = 0;
      counters.current.dropped = 0;
      setVersion((v) => v + 1);
    },
  };
}
