import { formatCount } from '@/lib/format';

/** A message count; "≈" and an explanation where latest − earliest can overstate it. */
export function MessageCount({ messages, exact }: { messages: number; exact: boolean }) {
  if (exact) return <span className="tabular-nums">{formatCount(messages)}</span>;
  return (
    <span
      className="tabular-nums text-slate-600 underline decoration-dotted"
      title="Estimate: latest − earliest offset. Compaction removes records and transactions add markers, so the real count can be lower."
    >
      ≈{formatCount(messages)}
    </span>
  );
}
