'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { failureMessage } from '@/lib/api/fetch';
import { useUpdateTopicConfigs } from '@/lib/api/topics';
import { humanizeConfigValue } from '@/lib/format';
import { configValueProblem } from '@/lib/topic-configs';
import type { ConfigEntry } from '@/lib/types/topics';

/** Changes one key, or resets it to the default; every other override stays as it is. */
export function EditConfigDialog({ cluster, topic, entry, onClose }: { cluster: string; topic: string; entry: ConfigEntry; onClose: () => void }) {
  const [value, setValue] = useState(entry.value ?? '');
  const update = useUpdateTopicConfigs(cluster, topic);
  const problem = configValueProblem(entry.name, value);
  const human = humanizeConfigValue(entry.name, value);
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!problem) update.mutate({ [entry.name]: value }, { onSuccess: onClose });
  };
  return (
    <Modal open title={`Edit ${entry.name}`} onClose={onClose}>
      <form onSubmit={save} className="space-y-4">
        <label className="block text-sm">
          Value
          <input
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-label="Config value"
            aria-invalid={Boolean(problem)}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 font-mono focus:outline-none focus:ring-2 focus:ring-indigo-400"
          />
        </label>
        <p className="text-sm text-slate-600">{problem ?? (human ? `= ${human}` : '\u00a0')}</p>
        <ErrorText>{update.error ? failureMessage(`change ${entry.name}`, update.error) : null}</ErrorText>
        <div className="flex justify-between gap-2">
          <Button
            onClick={() => update.mutate({ [entry.name]: null }, { onSuccess: onClose })}
            disabled={entry.isDefault || update.isPending}
            title={entry.isDefault ? 'Already the default' : 'Remove the topic override'}
          >
            Reset to default
          </Button>
          <div className="flex gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={Boolean(problem) || update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </div>
      </form>
    </Modal>
  );
}
