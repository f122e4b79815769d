'use client';

import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { ErrorText } from '@/components/ui/error-text';
import { Loading } from '@/components/ui/loading';
import { useReadOnly } from '@/lib/api/clusters';
import { useConnector } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import { ConnectorActions } from './connector-actions';
import { connectorHref } from './connector-link';
import { ConnectorOffsetsView } from './connector-offsets';
import { ConnectorState } from './connector-state';
import { StackTrace } from './stack-trace';

/** One connector: status of it and each task (worker, stack trace), topics, config as Connect returns it, offsets, actions. */
export function ConnectorView({ cluster, connect, name }: { cluster: string; connect: string; name: string }) {
  const { data, error, isPending } = useConnector(cluster, connect, name);
  const readOnly = useReadOnly();
  if (isPending) return <Loading label="Reading the connector…" />;
  if (!data) return <ErrorText>{failureMessage('read the connector', error)}</ErrorText>;
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link className="text-indigo-700 hover:underline" href={`${base}/connect`}>
            Kafka Connect
          </Link>{' '}
          / {connect}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="break-all font-mono text-xl font-semibold">{data.name}</h1>
          <span aria-label="Connector state">
            <ConnectorState state={data.state} />
          </span>
          <span className="text-sm text-slate-600">
            {data.type} · <span className="font-mono">{data.class}</span> · worker {data.workerId}
          </span>
        </div>
        {data.trace ? <StackTrace trace={data.trace} label="the connector" /> : null}
      </div>
      {readOnly ? null : (
        <div className="flex flex-wrap items-start gap-3">
          <ConnectorActions cluster={cluster} connect={connect} name={data.name} state={data.state} />
          <Link
            className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            href={`${connectorHref(cluster, { connect, name: data.name })}/edit`}
          >
            Edit config
          </Link>
        </div>
      )}
      <section aria-label="Tasks" className="space-y-2">
        <h2 className="text-lg font-semibold">Tasks</h2>
        <DataTable caption="Tasks" columns={[{ label: 'Task', numeric: true }, 'State', 'Worker']}>
          <tbody>
            {data.tasks.map((t) => (
              <tr key={t.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-1.5 text-right tabular-nums">{t.id}</td>
                <td className="px-3 py-1.5">
                  <ConnectorState state={t.state} />
                  {t.trace ? <StackTrace trace={t.trace} label={`task ${t.id}`} /> : null}
                </td>
                <td className="px-3 py-1.5 font-mono">{t.workerId}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section aria-label="Topics" className="space-y-2">
        <h2 className="text-lg font-semibold">Topics</h2>
        {data.topics.length ? (
          <ul className="flex flex-wrap gap-3 font-mono text-sm">
            {data.topics.map((t) => (
              <li key={t}>
                <Link className="text-indigo-700 hover:underline" href={`${base}/topics/${encodeURIComponent(t)}`}>
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No topic used yet.</p>
        )}
      </section>
      <section aria-label="Config" className="space-y-2">
        <h2 className="text-lg font-semibold">Config</h2>
        <DataTable caption="Config" columns={['Key', 'Value']}>
          <tbody>
            {Object.entries(data.config)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, value]) => (
                <tr key={key} className="border-t border-slate-100">
                  <td className="break-all px-3 py-1.5 font-mono">{key}</td>
                  <td className="break-all px-3 py-1.5 font-mono">{value}</td>
                </tr>
              ))}
          </tbody>
        </DataTable>
      </section>
      <ConnectorOffsetsView cluster={cluster} connect={connect} name={data.name} state={data.state} />
    </div>
  );
}
