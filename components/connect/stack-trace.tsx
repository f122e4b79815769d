'use client';

import { useState } from 'react';

/** A Java stack trace, collapsed to its first line, with a button that copies all of it. */
export function StackTrace({ trace, label }: { trace: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const firstLine = trace.split('\n', 1)[0];
  const copy = async () => {
    await navigator.clipboard.writeText(trace).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <details className="mt-1 rounded border border-red-200 bg-red-50 text-xs">
      <summary className="cursor-pointer break-all px-2 py-1 font-mono text-red-800">{firstLine}</summary>
      <div className="space-y-1 px-2 pb-2">
        <button type="button" onClick={copy} aria-label={`Copy the stack trace of ${label}`} className="text-indigo-700 hover:underline">
          {copied ? 'Copied' : 'Copy stack trace'}
        </button>
        <pre className="max-h-80 overflow-auto whitespace-pre font-mono text-slate-800">{trace}</pre>
      </div>
    </details>
  );
}
