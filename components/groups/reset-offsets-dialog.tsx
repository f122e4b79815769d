'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Modal } from '@/components/ui/modal';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useResetOffsets } from '@/lib/api/groups';
import { formatCount } from '@/lib/format';
import { kafkaConsumerGroupsResetCommand } from '@/lib/group-cli';
import type { GroupDetails, ResetOffsetsResult, ResetTarget } from '@/lib/types/groups';
import type { ResetOffsetsRequest } from '@/lib/group-validation';

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-2 focus:ring-indigo-400';
const TARGETS: { value: ResetTarget; label: string }[] = [
  { value: 'earliest', label: 'Earliest offset' },
  { value: 'latest', label: 'Latest offset (skip everything waiting)' },
  { value: 'timestamp', label: 'A date and time' },
  { value: 'offset', label: 'A specific offset' },
  { value: 'shift', label: 'Shift by N (negative = back)' },
];

/** Preview (dry run) first, then apply: the same two steps as kafka-consumer-groups. */
export function ResetOffsetsDialog({ cluster, group, onClose }: { cluster: string; group: GroupDetails; onClose: () => void }) {
  const topics = [...new Set(group.offsets.map((o) => o.topic))];
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [chosen, setChosen] = useState<number[] | null>(null);
  // No default: "latest" would skip everything waiting, so the user must choose.
  const [to, setTo] = useState<ResetTarget | ''>('');
  const [value, setValue] = useState('');
  const preview = useResetOffsets(cluster, group.groupId);
  const apply = useResetOffsets(cluster, group.groupId);
  const clusters = useClusters();
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const partitions = group.offsets.filter((o) => o.topic === topic).map((o) => o.partition);
  const lagAfter = (c: ResetOffsetsResult['changes'][number]) => Math.max(0, c.logEndOffset - c.to);

  const needsValue = to === 'timestamp' || to === 'offset' || to === 'shift';
  const numeric = to === 'timestamp' ? new Date(value).getTime() : Number(value);
  const valid = topic && to !== '' && (!needsValue || (value !== '' && Number.isFinite(numeric) && Number.isInteger(numeric)));
  const request: ResetOffsetsRequest = {
    topic,
    to: to || 'earliest',
    ...(chosen ? { partitions: chosen } : {}),
    ...(needsValue && valid ? { value: numeric } : {}),
  };
  const changed = () => preview.reset();
  const live = group.state !== 'Empty';

  return (
    <Modal open title="Reset offsets" onClose={onClose}>
      <div className="space-y-4">
        {live ? (
          <Alert tone="warn" title={`The group is ${group.state}`}>
            Offsets can only be moved while no consumer is in the group. Stop its {group.members.length} member(s) first.
          </Alert>
        ) : null}
        <label className="block text-sm font-medium">
          Topic
          <select
            value={topic}
            onChange={(e) => {
              setTopic(e.target.value);
              setChosen(null);
              changed();
            }}
            className={field}
          >
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium">Partitions</legend>
          <label className="mr-3">
            <input
              type="radio"
              checked={chosen === null}
              onChange={() => {
                setChosen(null);
                changed();
              }}
            />{' '}
            all
          </label>
          {partitions.map((p) => (
            <label key={p} className="mr-2 inline-flex items-center gap-1">
              <input
                type="checkbox"
                checked={chosen?.includes(p) ?? false}
                onChange={(e) => {
                  setChosen((c) => {
                    const next = e.target.checked ? [...(c ?? []), p] : (c ?? []).filter((x) => x !== p);
                    return next.length ? next.sort((a, b) => a - b) : null;
                  });
                  changed();
                }}
              />
              {p}
            </label>
          ))}
        </fieldset>
        <label className="block text-sm font-medium">
          Move to
          <select
            aria-label="Move to"
            value={to}
            onChange={(e) => {
              setTo(e.target.value as ResetTarget);
              setValue('');
              changed();
            }}
            className={field}
          >
            <option value="" disabled>
              Choose where to move the offsets…
            </option>
            {TARGETS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        {needsValue ? (
          <label className="block text-sm font-medium">
            {to === 'timestamp' ? 'Date and time (local)' : to === 'offset' ? 'Offset' : 'Shift by'}
            <input
              aria-label="Reset value"
              type={to === 'timestamp' ? 'datetime-local' : 'number'}
              step={to === 'timestamp' ? 1 : undefined}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                changed();
              }}
              className={field}
            />
          </label>
        ) : null}
        {to === '' ? null : (
          <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="reset-cli">
            {kafkaConsumerGroupsResetCommand(bootstrap, group.groupId, { ...request, dryRun: !preview.data })}
          </pre>
        )}
        {preview.data ? (
          <table className="w-full text-sm" aria-label="Preview">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1">Partition</th>
                <th className="py-1 text-right">Current</th>
                <th className="py-1 text-right">New</th>
                <th className="py-1 text-right">Lag now</th>
                <th className="py-1 text-right">Lag after</th>
              </tr>
            </thead>
            <tbody>
              {preview.data.changes.map((c) => (
                <tr key={c.partition} className="border-t border-slate-100">
                  <td className="py-1 font-mono">{c.partition}</td>
                  <td className="py-1 text-right tabular-nums">{c.from === null ? 'none' : formatCount(c.from)}</td>
                  <td className="py-1 text-right font-medium tabular-nums">{formatCount(c.to)}</td>
                  <td className="py-1 text-right tabular-nums">{c.from === null ? 'none' : formatCount(Math.max(0, c.logEndOffset - c.from))}</td>
                  <td className="py-1 text-right font-medium tabular-nums" data-testid={`lag-after-${c.partition}`}>
                    {formatCount(lagAfter(c))}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-300 font-medium">
                <td className="py-1" colSpan={4}>
                  Messages left to consume after the reset
                </td>
                <td className="py-1 text-right tabular-nums" data-testid="lag-after-total">
                  {formatCount(preview.data.changes.reduce((sum, c) => sum + lagAfter(c), 0))}
                </td>
              </tr>
            </tfoot>
          </table>
        ) : null}
        <ErrorText>
          {preview.error ? failureMessage('preview the reset', preview.error) : apply.error ? failureMessage('reset offsets', apply.error) : null}
        </ErrorText>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button disabled={!valid || preview.isPending} onClick={() => preview.mutate({ ...request, dryRun: true })}>
            {preview.isPending ? 'Previewing…' : 'Preview'}
          </Button>
          <Button
            variant="primary"
            disabled={!preview.data || apply.isPending || live}
            onClick={() => apply.mutate({ ...request, dryRun: false }, { onSuccess: onClose })}
          >
            {apply.isPending ? 'Applying…' : 'Apply reset'}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
