'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { useClusterOverview, useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useCreateTopic, useTopics } from '@/lib/api/topics';
import { configValueInWords } from '@/lib/format';
import { MAX_PARTITIONS, internalTopicRefusal, isInternalTopicName } from '@/lib/limits';
import { kafkaTopicsCreateCommand } from '@/lib/topic-cli';
import { RETENTION_PRESETS, TOPIC_CONFIGS, configValueProblem } from '@/lib/topic-configs';
import {
  countFieldProblems,
  createTopicSchema,
  firstProblem,
  minInsyncReplicasWarning,
  topicNameClash,
  topicNameProblem,
  topicNameWarning,
} from '@/lib/topic-validation';
import { CopyCommand } from './copy-command';

interface Row {
  key: string;
  value: string;
}

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-2 focus:ring-indigo-400';

/** Common settings with presets; "" means "leave Kafka's default". */
const PRESET_FIELDS: { name: string; label: string; options?: { label: string; value: string }[]; placeholder?: string }[] = [
  { name: 'retention.ms', label: 'Retention', options: RETENTION_PRESETS },
  {
    name: 'cleanup.policy',
    label: 'Cleanup policy',
    options: [
      { label: 'delete', value: 'delete' },
      { label: 'compact', value: 'compact' },
      { label: 'compact, delete', value: 'compact,delete' },
    ],
  },
  { name: 'compression.type', label: 'Compression', options: TOPIC_CONFIGS['compression.type'].values!.map((v) => ({ label: v, value: v })) },
  { name: 'min.insync.replicas', label: 'Min in-sync replicas', placeholder: 'broker default' },
  { name: 'max.message.bytes', label: 'Max message bytes', placeholder: 'broker default (about 1 MiB)' },
];

export function CreateTopicForm({ cluster }: { cluster: string }) {
  const router = useRouter();
  const ids = useId();
  const overview = useClusterOverview(cluster);
  const clusters = useClusters();
  // Internal topics too: a new name must not clash with any of them either.
  const existing = useTopics(cluster, true).data?.topics;
  const liveBrokers = overview.data?.brokers.length ?? 3;
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [replication, setReplication] = useState<string | null>(null);
  const [presets, setPresets] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<Row[]>([]);
  const [touched, setTouched] = useState(false);
  const create = useCreateTopic(cluster);

  const replicationFactor = replication ?? String(Math.min(3, liveBrokers));
  const configs = useMemo(() => {
    // No prototype: a row named "__proto__" or "constructor" is a config name like any other.
    const all: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(presets)) if (v.trim()) all[k] = v.trim();
    for (const r of rows) if (r.key.trim()) all[r.key.trim()] = r.value.trim();
    return all;
  }, [presets, rows]);
  const input = { name, partitions: Number(partitions), replicationFactor: Number(replicationFactor), configs };
  const nameProblem = !name
    ? null
    : isInternalTopicName(name)
      ? internalTopicRefusal(name, 'create')
      : (topicNameProblem(name) ??
        topicNameClash(
          name,
          (existing ?? []).map((t) => t.name),
        ));
  const counts = countFieldProblems({ partitions, replicationFactor }, liveBrokers);
  const minIsrWarning = minInsyncReplicasWarning(presets['min.insync.replicas'], input.replicationFactor);
  const parsed = createTopicSchema.safeParse({ ...input, partitions: partitions === '' ? undefined : input.partitions });
  // Shown beside their fields as the user types; the line under the form says only what they do not.
  const fieldProblem = nameProblem ?? counts.partitions ?? counts.replicationFactor;
  const problem = fieldProblem ?? (parsed.success ? null : firstProblem(parsed.error));
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || !parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: ({ name: created }) => router.push(`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(created)}`),
    });
  };

  return (
    <form onSubmit={submit} className="grid max-w-5xl gap-6 lg:grid-cols-[1fr_22rem]" noValidate>
      <div className="space-y-5">
        <label className="block text-sm font-medium">
          Topic name
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(nameProblem)}
            className={`${field} font-mono`}
            placeholder="orders"
          />
          <span className="mt-1 block text-xs font-normal text-slate-500">Letters, digits, “.”, “_” and “-”, at most 249 characters.</span>
          {nameProblem ? (
            <span data-testid="name-problem" className="block text-xs font-normal text-red-700">
              {nameProblem}
            </span>
          ) : null}
          {topicNameWarning(name) ? <span className="block text-xs font-normal text-amber-700">{topicNameWarning(name)}</span> : null}
        </label>
        <div className="grid grid-cols-2 gap-4">
          <label className="block text-sm font-medium">
            Partitions
            <input
              type="number"
              min={1}
              max={MAX_PARTITIONS}
              step={1}
              value={partitions}
              onChange={(e) => setPartitions(e.target.value)}
              aria-invalid={Boolean(counts.partitions)}
              className={field}
            />
            <span className="mt-1 block text-xs font-normal text-slate-500">At most {MAX_PARTITIONS.toLocaleString('en-US')}.</span>
            {counts.partitions ? (
              <span data-testid="partitions-problem" className="block text-xs font-normal text-red-700">
                {counts.partitions}
              </span>
            ) : null}
          </label>
          <label className="block text-sm font-medium">
            Replication factor
            <input
              type="number"
              min={1}
              max={liveBrokers}
              step={1}
              value={replicationFactor}
              onChange={(e) => setReplication(e.target.value)}
              aria-invalid={Boolean(counts.replicationFactor)}
              className={field}
            />
            <span className="mt-1 block text-xs font-normal text-slate-500">{liveBrokers} live broker(s)</span>
            {counts.replicationFactor ? (
              <span data-testid="replication-problem" className="block text-xs font-normal text-red-700">
                {counts.replicationFactor}
              </span>
            ) : null}
          </label>
        </div>
        <fieldset className="grid grid-cols-2 gap-4">
          <legend className="mb-2 text-sm font-medium">Settings (empty = broker default)</legend>
          {PRESET_FIELDS.map((f) => {
            const value = presets[f.name] ?? '';
            const setValue = (v: string) => setPresets((p) => ({ ...p, [f.name]: v }));
            const hint = value ? (configValueProblem(f.name, value) ?? configValueInWords(f.name, value)) : null;
            return (
              <label key={f.name} className="block text-sm">
                {f.label} <span className="font-mono text-xs text-slate-500">{f.name}</span>
                {f.options ? (
                  <select value={value} onChange={(e) => setValue(e.target.value)} className={field}>
                    <option value="">broker default</option>
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input inputMode="numeric" value={value} placeholder={f.placeholder} onChange={(e) => setValue(e.target.value)} className={field} />
                )}
                {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
                {f.name === 'min.insync.replicas' && minIsrWarning ? (
                  <span data-testid="min-isr-warning" className="block text-xs text-amber-700">
                    {minIsrWarning}
                  </span>
                ) : null}
              </label>
            );
          })}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Other configs</legend>
          <datalist id={`${ids}-keys`}>
            {Object.keys(TOPIC_CONFIGS).map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          {rows.map((row, i) => (
            <div key={i} className="flex gap-2">
              <input
                aria-label={`Config name ${i + 1}`}
                list={`${ids}-keys`}
                value={row.key}
                placeholder="name"
                onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))}
                className={`${field} mt-0 font-mono`}
              />
              <input
                aria-label={`Config value ${i + 1}`}
                value={row.value}
                placeholder="value"
                onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                className={`${field} mt-0 font-mono`}
              />
              <Button aria-label={`Remove config ${i + 1}`} onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
          ))}
          <Button onClick={() => setRows((r) => [...r, { key: '', value: '' }])}>Add config</Button>
        </fieldset>
        {touched && problem && !fieldProblem ? <ErrorText>{problem}</ErrorText> : null}
        <ErrorText>{create.error ? failureMessage('create topic', create.error) : null}</ErrorText>
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create topic'}
          </Button>
          <Button onClick={() => router.back()}>Cancel</Button>
        </div>
      </div>
      <aside className="space-y-2">
        <h2 className="text-sm font-medium">The same with the Kafka CLI</h2>
        <CopyCommand command={kafkaTopicsCreateCommand({ bootstrap, name, partitions, replicationFactor, configs })} />
      </aside>
    </form>
  );
}
