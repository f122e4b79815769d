'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { useConnectors } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import { filterConnectors, taskCounts } from '@/lib/connect-view';
import { ConnectorState } from './connector-state';

const field = 'rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';
const STATES = ['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING'];

/** One Connect cluster's connectors: search by name or class, filter by state (a failed task counts as FAILED). */
export function ConnectorsTable({ cluster, connect }: { cluster: string; connect: string }) {
  const { data, error, isPending } = useConnectors(cluster, connect);
  const [search, setSearch] = useState('');
  const [state, setState] = useState('');
  if (isPending) return <Loading label="Reading connectors…" />;
  if (!data) return <ErrorText>{failureMessage('list the connectors', error)}</ErrorText>;
  const shown = filterConnectors(data.connectors, search, state);
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="search">
        <input
          type="search"
          aria-label={`Search connectors of ${connect}`}
          placeholder="Name or class"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className={field}
        />
        <select aria-label={`State filter of ${connect}`} value={state} onChange={(e) => setState(e.target.value)} className={field}>
          <option value="">Any state</option>
          {STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <span className="text-sm text-slate-600">
          {shown.length} of {data.connectors.length}
        </span>
      </div>
      {shown.length ? (
        <DataTable
          caption={`Connectors of ${connect}`}
          columns={['Name', 'Type', 'Class', 'State', { label: 'Tasks running', numeric: true }, { label: 'Tasks failed', numeric: true }, 'Topics']}
        >
          <tbody>
            {shown.map((c) => {
              const tasks = taskCounts(c);
              return (
                <tr key={c.name} className="border-t border-slate-100 align-top">
                  <td className="break-all px-3 py-1.5 font-mono">
                    <Link
                      className="text-indigo-700 hover:underline"
                      href={`${base}/connect/${encodeURIComponent(connect)}/connectors/${encodeURIComponent(c.name)}`}
                    >
                      {c.name}
                    </Link>
                  </td>
                  <td className="px-3 py-1.5">{c.type}</td>
                  <td className="break-all px-3 py-1.5 font-mono text-xs" title={c.class}>
                    {c.class.split('.').at(-1)}
                  </td>
                  <td className="px-3 py-1.5">
                    <ConnectorState state={c.state} />
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">
                    {tasks.running}/{tasks.total}
                  </td>
                  <td className={`px-3 py-1.5 text-right tabular-nums ${tasks.failed ? 'font-semibold text-red-700' : ''}`}>{tasks.failed}</td>
                  <td className="px-3 py-1.5">
                    {c.topics.map((t) => (
                      <Link key={t} className="mr-2 break-all font-mono text-indigo-700 hover:underline" href={`${base}/topics/${encodeURIComponent(t)}`}>
                        {t}
                      </Link>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : (
        <p className="text-sm text-slate-600">{data.connectors.length ? 'No connector matches.' : 'No connectors yet.'}</p>
      )}
    </div>
  );
}
