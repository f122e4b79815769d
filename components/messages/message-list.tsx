'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { highlighter } from '@/lib/highlight';
import type { MessageFilter } from '@/lib/tail-params';
import type { WireMessage } from '@/lib/types/messages';
import { MessageDetail } from './message-detail';
import { MessageRow, messageKey, ROW_COLUMNS, ROW_HEIGHT } from './message-row';
import { TimeZoneToggle } from './time-zone-toggle';
import { useTimeZone } from './use-time-zone';

/** Rows rendered beyond the visible ones on each side: enough for a wheel step, few enough to render in a frame. */
const OVERSCAN = 10;

interface Props {
  messages: WireMessage[];
  newestFirst: boolean;
  rawUrl: (m: WireMessage) => string;
  /** The tail's filter: its matches are marked in the key and value previews. */
  filter?: MessageFilter | null;
}

/**
 * The buffered messages, virtualised with fixed row heights: positions are index × ROW_HEIGHT, so a
 * scroll step renders the rows in view and nothing in proportion to the buffer. Only the one
 * expanded row is taller, by its detail's measured height.
 */
export function MessageList({ messages, newestFirst, rawUrl, filter }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [detailHeight, setDetailHeight] = useState(0);
  const [timeZone, setTimeZone] = useTimeZone();
  const at = (i: number) => messages[newestFirst ? messages.length - 1 - i : i];
  const toggle = useCallback((key: string) => setExpanded((current) => (current === key ? null : key)), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: by value, see below
  const highlight = useMemo(
    () => highlighter(filter ? { pattern: filter.pattern, mode: filter.mode, on: filter.on } : null),
    // By value: the caller may build a new filter object on every render.
    [filter?.pattern, filter?.mode, filter?.on],
  );

  const [expandedPartition, expandedOffset] = expanded ? expanded.split(':').map(Number) : [NaN, NaN];
  const estimateSize = (i: number) => {
    if (expanded === null) return ROW_HEIGHT;
    const m = at(i);
    return m.partition === expandedPartition && m.offset === expandedOffset ? ROW_HEIGHT + detailHeight : ROW_HEIGHT;
  };
  // Item keys are indexes; a new buffer (messages arrived, some dropped) is a new key function, which
  // makes the virtualiser lay the rows out again once (a loop of additions, no DOM work).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the deps are what makes a new key function, on purpose
  const getItemKey = useCallback((i: number) => i, [messages, newestFirst]);
  const virtualizer = useVirtualizer({ count: messages.length, getScrollElement: () => scrollRef.current, estimateSize, overscan: OVERSCAN, getItemKey });
  // Sizes come from estimateSize only; it changed when a row opened, closed or its detail resized.
  // biome-ignore lint/correctness/useExhaustiveDependencies: expanded and detailHeight are the triggers, not inputs
  useEffect(() => virtualizer.measure(), [virtualizer, expanded, detailHeight]);

  const detailRef = useRef<ResizeObserver | null>(null);
  const observeDetail = useCallback((element: HTMLDivElement | null) => {
    detailRef.current?.disconnect();
    detailRef.current = null;
    if (!element) return;
    const observer = new ResizeObserver(() => setDetailHeight(element.offsetHeight));
    observer.observe(element);
    detailRef.current = observer;
  }, []);

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className={`grid ${ROW_COLUMNS} items-center gap-3 bg-slate-100 px-3 py-2 text-xs uppercase tracking-wide text-slate-500`}>
        <span>Part.</span>
        <span>Offset</span>
        <span className="flex items-center gap-2">
          Timestamp <TimeZoneToggle value={timeZone} onChange={setTimeZone} />
        </span>
        <span>Key</span>
        <span>Headers</span>
        <span className="text-right">Size</span>
        <span>Value</span>
      </div>
      <div ref={scrollRef} className="h-[calc(100vh-22rem)] min-h-64 overflow-auto" role="list" aria-label="Messages">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m = at(item.index);
            const key = messageKey(m);
            return (
              // Size containment: a row's layout never reaches beyond itself, so a step lays out only the rows that change.
              <div
                key={key}
                role="listitem"
                data-index={item.index}
                className="absolute inset-x-0"
                style={{ height: item.size, contain: 'strict', transform: `translateY(${item.start}px)` }}
              >
                <MessageRow message={m} expanded={expanded === key} onToggle={toggle} timeZone={timeZone} highlight={highlight} />
                {expanded === key ? (
                  <div ref={observeDetail}>
                    <MessageDetail message={m} rawUrl={rawUrl(m)} timeZone={timeZone} />
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
