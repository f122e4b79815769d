'use client';

import { ErrorText } from '@/components/ui/error-text';
import { useReadOnly } from '@/lib/api/clusters';
import { useConnectorOffsets } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import { ConnectorOffsetsControls } from './connector-offsets-controls';

/**
 * KIP-875 offsets as Connect reports them: a source's own partition/offset maps, a sink's topic partitions;
 * alter and reset controls for a STOPPED connector, hidden when the dashboard is read-only (as the actions are).
 */
export function ConnectorOffsetsView({ cluster, connect, name, state }: { cluster: string; connect: string; name: string; state: string }) {
  const { data, error, isPending, refetch } = useConnectorOffsets(cluster, connect, name);
  const readOnly = useReadOnly();
  return (
    <section aria-label="Offsets" className="space-y-2">
      <div className="flex items-center gap-3">
        <h2 className="text-lg font-semibold">Offsets</h2>
        <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={() => refetch()}>
          Refresh
        </button>
      </div>
      {readOnly ? null : <ConnectorOffsetsControls cluster={cluster} connect={connect} name={name} state={state} current={data} />}
      {isPending ? <p className="text-sm text-slate-600">Reading offsets…</p> : null}
      <ErrorText>{error ? failureMessage('read the offsets', error) : null}</ErrorText>
      {data ? (
        data.offsets.length ? (
          <ul className="space-y-1 font-mono text-xs">
            {data.offsets.map((o, i) => (
              <li key={i} className="break-all rounded bg-slate-50 px-2 py-1">
                {JSON.stringify(o.partition)} → {JSON.stringify(o.offset)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No offsets committed yet.</p>
        )
      ) : null}
    </section>
  );
}
