'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { MessageFilter, StartSpec, TailParams } from '@/lib/tail-params';
import { compileUserRegex, USER_REGEX_SYNTAX } from '@/lib/user-regex';

const field = 'rounded border border-slate-300 px-2 py-1 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';

function toLocalInput(ms: number) {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
}

/** Where to start, which partitions, what to match: applied with Start (or Enter), kept in the URL. */
export function TailControls({ initial, partitionCount, onApply }: { initial: TailParams; partitionCount: number; onApply: (params: TailParams) => void }) {
  const [kind, setKind] = useState<StartSpec['kind']>(initial.from.kind === 'positions' ? 'latest' : initial.from.kind);
  const [offset, setOffset] = useState(initial.from.kind === 'offset' ? String(initial.from.offset) : '0');
  const [time, setTime] = useState(toLocalInput(initial.from.kind === 'timestamp' ? initial.from.timestamp : Date.now() - 3_600_000));
  const [partitions, setPartitions] = useState(initial.partitions?.join(',') ?? '');
  const [filter, setFilter] = useState(initial.filter?.pattern ?? '');
  const [mode, setMode] = useState<MessageFilter['mode']>(initial.filter?.mode ?? 'substring');
  const [on, setOn] = useState<MessageFilter['on']>(initial.filter?.on ?? 'any');
  const [live, setLive] = useState(initial.live);
  // The same engine as the server's (RE2), so what is refused here would be refused there.
  const compiled = mode === 'regex' && filter ? compileUserRegex(filter) : null;
  const regexProblem = compiled && !compiled.ok ? compiled.problem : null;

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    if (regexProblem) return;
    const from: StartSpec =
      kind === 'offset' ? { kind, offset: Math.max(0, Math.floor(Number(offset) || 0)) }
      : kind === 'timestamp' ? { kind, timestamp: new Date(time).getTime() || Date.now() }
      : { kind: kind as 'earliest' | 'latest' };
    const chosen = partitions.split(',').map((p) => p.trim()).filter((p) => /^\d+$/.test(p)).map(Number);
    onApply({ from, partitions: chosen.length ? chosen : null, filter: filter ? { pattern: filter, mode, on } : null, live });
  };

  return (
    <form onSubmit={apply} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label="Tail settings">
      <label className="flex flex-col">Start at
        <select aria-label="Start at" value={kind} onChange={(e) => setKind(e.target.value as StartSpec['kind'])} className={field}>
          <option value="latest">latest (new messages)</option>
          <option value="earliest">earliest (from the beginning)</option>
          <option value="offset">an offset</option>
          <option value="timestamp">a date and time</option>
        </select>
      </label>
      {kind === 'offset' ? <label className="flex flex-col">Offset<input aria-label="Start offset" type="number" min={0} value={offset} onChange={(e) => setOffset(e.target.value)} className={`${field} w-28`} /></label> : null}
      {kind === 'timestamp' ? <label className="flex flex-col">From<input aria-label="Start time" type="datetime-local" step={1} value={time} onChange={(e) => setTime(e.target.value)} className={field} /></label> : null}
      <label className="flex flex-col">Partitions
        <input aria-label="Partitions" placeholder={`all (0–${partitionCount - 1})`} value={partitions} onChange={(e) => setPartitions(e.target.value)} className={`${field} w-32`} />
      </label>
      <label className="flex flex-col">Filter
        <input aria-label="Filter" type="search" placeholder="substring or regex" value={filter} onChange={(e) => setFilter(e.target.value)} aria-invalid={regexProblem ? true : undefined} aria-describedby={mode === 'regex' ? 'filter-syntax' : undefined} className={`${field} w-56 font-mono`} />
      </label>
      <select aria-label="Filter mode" value={mode} onChange={(e) => setMode(e.target.value as MessageFilter['mode'])} className={field}>
        <option value="substring">substring</option><option value="regex">regex</option>
      </select>
      <select aria-label="Filter on" value={on} onChange={(e) => setOn(e.target.value as MessageFilter['on'])} className={field}>
        <option value="any">key, value or headers</option><option value="key">key</option><option value="value">value</option><option value="headers">headers</option>
      </select>
      <label className="flex items-center gap-1 pb-1.5"><input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live</label>
      <Button type="submit" variant="primary">Start</Button>
      {mode === 'regex' ? <p id="filter-syntax" role={regexProblem ? 'alert' : undefined} className={`basis-full text-xs ${regexProblem ? 'text-red-700' : 'text-slate-500'}`}>{regexProblem ?? USER_REGEX_SYNTAX}</p> : null}
    </form>
  );
}
