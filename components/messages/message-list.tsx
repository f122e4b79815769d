'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { WireMessage } from '@/lib/types/messages';
import { MessageDetail } from './message-detail';
import { MessageRow } from './message-row';

/** The buffered messages, virtualised (rows measure themselves, so an expanded row can grow). */
export function MessageList({ messages, newestFirst, rawUrl }: { messages: WireMessage[]; newestFirst: boolean; rawUrl: (m: WireMessage) => string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const at = (i: number) => messages[newestFirst ? messages.length - 1 - i : i];
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 30,
    overscan: 20,
    getItemKey: (i) => `${at(i).partition}:${at(i).offset}`,
  });
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="grid grid-cols-[3.5rem_6rem_10rem_10rem_3rem_4.5rem_1fr] gap-3 bg-slate-100 px-3 py-2 text-xs uppercase tracking-wide text-slate-500">
        <span>Part.</span><span>Offset</span><span>Timestamp</span><span>Key</span><span>Hdrs</span><span className="text-right">Size</span><span>Value</span>
      </div>
      <div ref={scrollRef} className="h-[calc(100vh-22rem)] min-h-64 overflow-auto" role="list" aria-label="Messages">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m = at(item.index);
            const key = `${m.partition}:${m.offset}`;
            return (
              <div key={item.key} role="listitem" data-index={item.index} ref={virtualizer.measureElement} className="absolute inset-x-0 border-b border-slate-100" style={{ transform: `translateY(${item.start}px)` }}>
                <MessageRow message={m} expanded={expanded === key} onToggle={() => setExpanded(expanded === key ? null : key)} />
                {expanded === key ? <MessageDetail message={m} rawUrl={rawUrl(m)} /> : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
