'use client';

import { useState } from 'react';
import { CopyCommand } from '@/components/topics/copy-command';
import { Button } from '@/components/ui/button';
import { CheckVerdict } from '@/components/ui/check-verdict';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useCheckBrokerConfigs, useUpdateBrokerConfigs } from '@/lib/api/brokers';
import { brokerConfigCommand } from '@/lib/operations-cli';
import type { BrokerConfigsChange } from '@/lib/types/brokers';
import type { ConfigEntry } from '@/lib/types/topics';

const SOURCE_WORDS: Record<string, string> = {
  DYNAMIC_BROKER_CONFIG: 'set on this broker (dynamic)',
  DYNAMIC_DEFAULT_BROKER_CONFIG: 'the cluster-wide default (dynamic)',
  STATIC_BROKER_CONFIG: 'server.properties (static)',
  DEFAULT_CONFIG: "Kafka's default",
};

const verdictLines = (result: BrokerConfigsChange) =>
  result.dryRun
    ? result.changes.map(
        ({ name, from, source, to }) =>
          `${name}: ${from ?? 'not set'}${source ? ` (${SOURCE_WORDS[source] ?? source})` : ''} → ${to ?? 'removed at this level'}`,
      )
    : [];

/**
 * Sets a broker config dynamically on this broker or as every broker's default, or removes the
 * dynamic value at that level (Kafka then falls back to the next source). Kafka refuses configs it
 * cannot change without a restart; its message is shown.
 */
export function EditBrokerConfigDialog({ cluster, nodeId, entry, onClose }: { cluster: string; nodeId: number; entry: ConfigEntry; onClose: () => void }) {
  const [value, setValue] = useState(entry.isSensitive ? '' : (entry.value ?? ''));
  const [scope, setScope] = useState<'broker' | 'default'>(entry.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG' ? 'default' : 'broker');
  const target = scope === 'default' ? 'default' : nodeId;
  const update = useUpdateBrokerConfigs(cluster, target);
  const check = useCheckBrokerConfigs(cluster, target);
  // A verdict holds only for what was checked, where it was checked.
  const checked = !check.isPending && JSON.stringify(check.variables) === JSON.stringify({ [entry.name]: value });
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const setAtScope = entry.source === (scope === 'default' ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG');
  const choose = (where: 'broker' | 'default') => {
    setScope(where);
    check.reset();
  };
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate({ [entry.name]: value }, { onSuccess: onClose });
  };
  return (
    <Modal open title={`Edit ${entry.name}`} onClose={onClose}>
      <form onSubmit={save} className="space-y-4">
        <p className="text-sm text-slate-600">Now from {SOURCE_WORDS[entry.source] ?? entry.source}.</p>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Where to set it</legend>
          <label className="flex items-center gap-1">
            <input type="radio" checked={scope === 'broker'} onChange={() => choose('broker')} /> Broker {nodeId}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" checked={scope === 'default'} onChange={() => choose('default')} /> All brokers (cluster default)
          </label>
        </fieldset>
        <label className="block text-sm">
          Value
          <input
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-label="Config value"
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 font-mono focus:outline-none focus:ring-2 focus:ring-indigo-400"
          />
        </label>
        <CopyCommand command={brokerConfigCommand(bootstrap, target, entry.name, entry.isSensitive ? '…' : value)} />
        {checked ? (
          <CheckVerdict
            accepted={check.data ? verdictLines(check.data) : null}
            refusal={check.error ? failureMessage(`check ${entry.name}`, check.error) : null}
          />
        ) : null}
        <ErrorText>{update.error ? failureMessage(`change ${entry.name}`, update.error) : null}</ErrorText>
        <div className="flex justify-between gap-2">
          <Button
            onClick={() => update.mutate({ [entry.name]: null }, { onSuccess: onClose })}
            disabled={!setAtScope || update.isPending}
            title={setAtScope ? 'Remove the dynamic value at this level' : 'Not set dynamically at this level'}
          >
            Reset
          </Button>
          <div className="flex gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              onClick={() => check.mutate({ [entry.name]: value })}
              disabled={check.isPending}
              title="Ask the broker to validate the change without making it"
            >
              {check.isPending ? 'Checking…' : 'Check'}
            </Button>
            <Button type="submit" variant="primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </div>
      </form>
    </Modal>
  );
}
