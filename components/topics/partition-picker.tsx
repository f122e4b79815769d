'use client';

import { useEffect, useRef } from 'react';

export type PartitionRef = { topic: string; partition: number };

const keyOf = (p: PartitionRef) => `${p.topic}\u0000${p.partition}`;

/**
 * Checkboxes for choosing some of `partitions`: one "All partitions" box (mixed while only some are
 * chosen) and one per partition, all native inputs in a fieldset, so Tab and Space work as anywhere.
 * `chosen` holds the keys of the chosen ones (topic NUL partition).
 */
export function PartitionPicker({
  partitions,
  chosen,
  onChange,
}: {
  partitions: PartitionRef[];
  chosen: Set<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  const all = useRef<HTMLInputElement>(null);
  const count = partitions.filter((p) => chosen.has(keyOf(p))).length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && count < partitions.length;
  }, [count, partitions.length]);
  const oneTopic = new Set(partitions.map((p) => p.topic)).size === 1;
  const toggle = (p: PartitionRef, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(keyOf(p));
    else next.delete(keyOf(p));
    onChange(next);
  };
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium">Partitions</legend>
      <label className="flex items-center gap-2">
        <input
          ref={all}
          type="checkbox"
          checked={count === partitions.length}
          onChange={(e) => onChange(new Set(e.target.checked ? partitions.map(keyOf) : []))}
        />
        All partitions ({count} of {partitions.length} chosen)
      </label>
      <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded border border-slate-200 p-2">
        {partitions.map((p) => (
          <label key={keyOf(p)} className="flex items-center gap-1 font-mono">
            <input
              type="checkbox"
              aria-label={oneTopic ? `Partition ${p.partition}` : `${p.topic}-${p.partition}`}
              checked={chosen.has(keyOf(p))}
              onChange={(e) => toggle(p, e.target.checked)}
            />
            {oneTopic ? p.partition : `${p.topic}-${p.partition}`}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The chosen partitions of `partitions`, in their order. */
export const chosenOf = (partitions: PartitionRef[], chosen: Set<string>) => partitions.filter((p) => chosen.has(keyOf(p)));

/** Every partition chosen: the picker's starting point. */
export const allOf = (partitions: PartitionRef[]) => new Set(partitions.map(keyOf));
