const BADGES = {
  tombstone: { style: 'bg-slate-700 text-white', title: 'Tombstone: the value is null (on a compacted topic it deletes the key)' },
  null: { style: 'border border-dashed border-slate-400 text-slate-500', title: 'null: no bytes at all' },
  empty: { style: 'border border-slate-300 bg-slate-100 italic text-slate-500', title: 'empty: zero bytes (not null)' },
} as const;

/** A marker for what is not text: null, a tombstone, zero bytes. Never confused with the text "null". */
export function ValueBadge({ kind }: { kind: keyof typeof BADGES }) {
  return (
    <span data-badge={kind} title={BADGES[kind].title} className={`inline-block rounded px-1 font-sans text-[10px] leading-4 ${BADGES[kind].style}`}>
      {kind}
    </span>
  );
}
