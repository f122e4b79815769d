'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { scrollCue, type ScrollCue } from '@/lib/scroll-cue';

/**
 * A box that lets a wide table scroll sideways inside it, so the page itself never does (a phone is
 * 390 px wide), with a shade on each edge that hides more columns. Focusable, so the keyboard can
 * scroll it too.
 */
export function TableScroll({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [cue, setCue] = useState<ScrollCue>('none');

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setCue(scrollCue(el));
    update();
    el.addEventListener('scroll', update, { passive: true });
    // The table grows when data arrives and the box narrows when the window does.
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);

  const shade = 'pointer-events-none absolute inset-y-0 w-6 from-slate-900/20 to-transparent';
  return (
    <div className={`relative min-w-0 ${className}`} data-more={cue}>
      <div
        ref={ref}
        role="region"
        aria-label={label}
        tabIndex={0}
        className="relative overflow-x-auto rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
      >
        {children}
      </div>
      {cue === 'left' || cue === 'both' ? <div aria-hidden data-testid="scroll-cue-left" className={`${shade} left-0 rounded-l-lg bg-linear-to-r`} /> : null}
      {cue === 'right' || cue === 'both' ? <div aria-hidden data-testid="scroll-cue-right" className={`${shade} right-0 rounded-r-lg bg-linear-to-l`} /> : null}
    </div>
  );
}
