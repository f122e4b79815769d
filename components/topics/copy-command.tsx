'use client';

import { useState } from 'react';

/**
 * A shell command to read and copy. It wraps between words (a long name or value breaks only when
 * it alone is wider than the box), so a copied-by-eye command keeps its arguments whole.
 */
export function CopyCommand({ command }: { command: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(command).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  return (
    <div className="relative">
      <pre data-testid="cli-preview" className="whitespace-pre-wrap break-words rounded bg-slate-900 p-3 pr-16 text-xs text-slate-100">
        {command}
      </pre>
      <button
        type="button"
        onClick={copy}
        className="absolute right-2 top-2 rounded border border-slate-600 bg-slate-800 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-700"
      >
        {copied ? 'Copied' : 'Copy command'}
      </button>
    </div>
  );
}
