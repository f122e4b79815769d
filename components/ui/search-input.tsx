'use client';

import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { UrlEcho } from '@/lib/url-echo';

const URL_DELAY_MS = 200;

/**
 * A search box whose text is its own state, written to the URL (`onCommit`) a moment after the
 * last keystroke. The URL flows back into the box only when it changed by navigation (back/forward,
 * a link): a controlled input fed from the URL on every key lost keystrokes to late router updates.
 */
export function SearchInput({
  value,
  onCommit,
  ...props
}: { value: string; onCommit: (text: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  const [text, setText] = useState(value);
  const echo = useRef<UrlEcho>(null);
  echo.current ??= new UrlEcho(value);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  useEffect(() => {
    const adopted = echo.current!.reported(value);
    if (adopted !== null) setText(adopted);
  }, [value]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (echo.current!.write(text)) commit.current(text);
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return <input type="search" value={text} onChange={(e) => setText(e.target.value)} {...props} />;
}
