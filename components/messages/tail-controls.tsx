'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import { checkDraft, defaultMode, PAGE_SIZES, type CheckedDraft, type DraftProblems, type StartKind, type TailDraft } from '@/lib/tail-form';
import type { MessageFilter } from '@/lib/tail-params';
import { USER_REGEX_SYNTAX } from '@/lib/user-regex';
import { DECODE_MODES } from '@/lib/types/messages';

const field = 'rounded border border-slate-300 px-2 py-1 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400 aria-[invalid=true]:border-red-500';

/** A labelled field with its problem right under it. */
function Field({ label, problem, id, children, className = '' }: { label: string; problem?: string; id: string; children: ReactNode; className?: string }) {
  return (
    <label className={`flex flex-col ${className}`}>
      {label}
      {children}
      {problem ? (
        <span id={id} role="alert" className="max-w-72 text-xs text-red-700">
          {problem}
        </span>
      ) : null}
    </label>
  );
}

/**
 * Where to start, how to read, which partitions, what to match: applied with Start (or Enter) and
 * kept in the URL. What is typed stays as typed until applied; a problem is shown beside its field.
 */
export function TailControls({
  initial,
  problems: linkProblems,
  partitionCount,
  onApply,
}: {
  initial: TailDraft;
  /** What was wrong in the link; each shows until its field is edited. */
  problems: DraftProblems;
  partitionCount: number | null;
  onApply: (checked: Extract<CheckedDraft, { ok: true }>) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [edited, setEdited] = useState<Set<keyof TailDraft>>(new Set());
  const checked = checkDraft(draft, partitionCount);
  const problem = (name: keyof TailDraft) => (checked.ok ? undefined : checked.problems[name]) ?? (edited.has(name) ? undefined : linkProblems[name]);
  const set = (changes: Partial<TailDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setEdited((e) => new Set([...e, ...(Object.keys(changes) as (keyof TailDraft)[])]));
  };
  const invalid = (name: keyof TailDraft) => ({
    'aria-invalid': problem(name) ? true : undefined,
    'aria-describedby': problem(name) ? `problem-${name}` : undefined,
  });
  const linkProblemLeft = (Object.keys(linkProblems) as (keyof TailDraft)[]).some((name) => !edited.has(name));

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    if (checked.ok && !linkProblemLeft) onApply(checked);
    else setEdited(new Set()); // show every problem again
  };

  return (
    <form
      onSubmit={apply}
      noValidate
      className="flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      aria-label="Tail settings"
    >
      <Field label="Start at" id="problem-start" problem={problem('start')}>
        <select
          aria-label="Start at"
          value={draft.start}
          onChange={(e) => set({ start: e.target.value as StartKind, mode: defaultMode(e.target.value as StartKind) })}
          className={field}
          {...invalid('start')}
        >
          <option value="latest">latest (new messages)</option>
          <option value="earliest">earliest (from the beginning)</option>
          <option value="offset">an offset</option>
          <option value="timestamp">a date and time</option>
        </select>
      </Field>
      {draft.start === 'offset' ? (
        <Field label="Offset" id="problem-offset" problem={problem('offset')}>
          <input
            aria-label="Start offset"
            inputMode="numeric"
            value={draft.offset}
            onChange={(e) => set({ offset: e.target.value })}
            className={`${field} w-28`}
            {...invalid('offset')}
          />
        </Field>
      ) : null}
      {draft.start === 'timestamp' ? (
        <Field label="From" id="problem-time" problem={problem('time')}>
          <input
            aria-label="Start time"
            type="datetime-local"
            step={1}
            value={draft.time}
            onChange={(e) => set({ time: e.target.value })}
            className={field}
            {...invalid('time')}
          />
        </Field>
      ) : null}
      <Field label="Read" id="problem-mode" problem={problem('mode')}>
        <select
          aria-label="Read mode"
          value={draft.mode}
          onChange={(e) => set({ mode: e.target.value as TailDraft['mode'] })}
          className={field}
          {...invalid('mode')}
        >
          <option value="browse" disabled={draft.start === 'latest'}>
            browse (pages, oldest first)
          </option>
          <option value="live">live (follow, newest first)</option>
        </select>
      </Field>
      {draft.mode === 'browse' ? (
        <Field label="Page size" id="problem-size" problem={problem('size')}>
          <select aria-label="Page size" value={draft.size} onChange={(e) => set({ size: e.target.value })} className={field} {...invalid('size')}>
            {[...new Set([...PAGE_SIZES.map(String), draft.size])].map((n) => (
              <option key={n} value={n}>
                {/^\d+$/.test(n) ? formatCount(Number(n)) : n}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label="Partitions" id="problem-partitions" problem={problem('partitions')}>
        <input
          aria-label="Partitions"
          placeholder={partitionCount ? `all (0–${partitionCount - 1})` : 'all'}
          value={draft.partitions}
          onChange={(e) => set({ partitions: e.target.value })}
          className={`${field} w-32`}
          {...invalid('partitions')}
        />
      </Field>
      <Field label="Filter" id="problem-filter" problem={problem('filter')}>
        <input
          aria-label="Filter"
          type="search"
          placeholder="substring or regex"
          value={draft.filter}
          onChange={(e) => set({ filter: e.target.value })}
          className={`${field} w-56 font-mono`}
          {...invalid('filter')}
        />
      </Field>
      <Field label="Match" id="problem-filterMode" problem={problem('filterMode')}>
        <select
          aria-label="Filter mode"
          value={draft.filterMode}
          onChange={(e) => set({ filterMode: e.target.value as MessageFilter['mode'] })}
          className={field}
          {...invalid('filterMode')}
        >
          <option value="substring">substring</option>
          <option value="regex">regex</option>
        </select>
      </Field>
      <Field label="In" id="problem-filterOn" problem={problem('filterOn')}>
        <select
          aria-label="Filter on"
          value={draft.filterOn}
          onChange={(e) => set({ filterOn: e.target.value as MessageFilter['on'] })}
          className={field}
          {...invalid('filterOn')}
        >
          <option value="any">key, value or headers</option>
          <option value="key">key</option>
          <option value="value">value</option>
          <option value="headers">headers</option>
        </select>
      </Field>
      <Field label="Transactions" id="problem-isolation" problem={problem('isolation')}>
        <select
          aria-label="Isolation"
          value={draft.isolation}
          onChange={(e) => set({ isolation: e.target.value as TailDraft['isolation'] })}
          className={field}
          {...invalid('isolation')}
        >
          <option value="read_uncommitted">all records, aborted marked (read_uncommitted)</option>
          <option value="read_committed">committed only (read_committed)</option>
        </select>
      </Field>
      <Field label="Show as" id="problem-decode" problem={problem('decode')}>
        <select
          aria-label="Decode"
          value={draft.decode}
          onChange={(e) => set({ decode: e.target.value as TailDraft['decode'] })}
          className={field}
          {...invalid('decode')}
        >
          {DECODE_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {mode === 'auto' ? 'auto (registry formats, text, binary)' : mode}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="primary" className="mt-5">
        Start
      </Button>
      {draft.filterMode === 'regex' && !problem('filter') ? <p className="basis-full text-xs text-slate-500">{USER_REGEX_SYNTAX}</p> : null}
    </form>
  );
}
