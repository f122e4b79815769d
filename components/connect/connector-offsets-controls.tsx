'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useAlterConnectorOffsets, useResetConnectorOffsets } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import type { ConnectorOffsets } from '@/lib/types/connect';

/** The JSON typed in the editor as a KIP-875 body, or why it is not one (checked again by the server). */
function parseOffsets(text: string): { body: ConnectorOffsets } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `Not JSON: ${(error as Error).message}` };
  }
  const offsets = (value as { offsets?: unknown } | null)?.offsets;
  if (!Array.isArray(offsets) || offsets.length === 0) return { problem: 'Give { "offsets": [{ "partition": {…}, "offset": {…} }] } with at least one offset' };
  return { body: value as ConnectorOffsets };
}

/**
 * Alter (a JSON editor prefilled with the current offsets) and reset (after a confirmation) for
 * KIP-875 offsets. Connect changes offsets only of a STOPPED connector, so both wait for that state.
 */
export function ConnectorOffsetsControls({
  cluster,
  connect,
  name,
  state,
  current,
}: {
  cluster: string;
  connect: string;
  name: string;
  state: string;
  current: ConnectorOffsets | undefined;
}) {
  const alter = useAlterConnectorOffsets(cluster, connect, name);
  const reset = useResetConnectorOffsets(cluster, connect, name);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [done, setDone] = useState('');
  const stopped = state === 'STOPPED';
  const busy = alter.isPending || reset.isPending;

  const edit = () => {
    setDone('');
    setProblem('');
    alter.reset();
    setDraft(JSON.stringify({ offsets: current?.offsets ?? [] }, null, 2));
  };
  const save = () => {
    const parsed = parseOffsets(draft ?? '');
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem('');
    alter.mutate(parsed.body, {
      onSuccess: (answer) => {
        setDone(answer.message);
        setDraft(null);
      },
    });
  };
  const resetAll = () =>
    reset.mutate(undefined, {
      onSuccess: (answer) => setDone(answer.message),
      onSettled: () => setConfirmReset(false),
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={edit} disabled={!stopped || busy || draft !== null}>
          Alter offsets…
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            setDone('');
            setConfirmReset(true);
          }}
          disabled={!stopped || busy}
        >
          Reset offsets…
        </Button>
        {stopped ? null : <p className="text-sm text-slate-600">Offsets can be changed only while the connector is STOPPED (it is {state}): stop it first.</p>}
      </div>
      {draft !== null ? (
        <div className="space-y-2">
          <label className="block text-sm font-medium" htmlFor="connector-offsets-json">
            Offsets (KIP-875 JSON)
          </label>
          <textarea
            id="connector-offsets-json"
            className="h-48 w-full rounded border border-slate-300 p-2 font-mono text-xs"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            spellCheck={false}
          />
          <div className="flex gap-2">
            <Button variant="primary" onClick={save} disabled={!stopped || busy}>
              Save offsets
            </Button>
            <Button onClick={() => setDraft(null)}>Cancel</Button>
          </div>
        </div>
      ) : null}
      <ErrorText>{problem || (alter.error ? failureMessage('alter the offsets', alter.error) : null)}</ErrorText>
      <ErrorText>{reset.error ? failureMessage('reset the offsets', reset.error) : null}</ErrorText>
      {done ? (
        <p role="status" className="text-sm text-green-700">
          {done}
        </p>
      ) : null}
      <Modal open={confirmReset} title={`Reset the offsets of ${name}?`} onClose={() => setConfirmReset(false)}>
        <p className="text-sm">
          Connect forgets every offset of this connector: a source connector reads its data again from the start, a sink connector&apos;s consumer group starts
          from its auto.offset.reset position.
        </p>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirmReset(false)}>Cancel</Button>
          <Button variant="danger" onClick={resetAll} disabled={busy}>
            Reset offsets
          </Button>
        </div>
      </Modal>
    </div>
  );
}
