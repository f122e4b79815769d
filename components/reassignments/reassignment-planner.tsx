'use client';

import { useMemo, useState } from 'react';
import { CopyCommand } from '@/components/topics/copy-command';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { useClusters } from '@/lib/api/clusters';
import { failureMessage } from '@/lib/api/fetch';
import { useExecuteReassignment, usePlanReassignment, useReassignments } from '@/lib/api/reassignments';
import { useBrokers } from '@/lib/api/brokers';
import { useTopics } from '@/lib/api/topics';
import { formatBytes } from '@/lib/format';
import { reassignExecuteCommand } from '@/lib/reassignment-cli';
import { PlanGrid } from './plan-grid';

const MB = 1024 * 1024;

/**
 * Choose topics and target brokers, see the proposed layout (lib/reassignment-plan.ts) before →
 * after with the bytes to copy, then execute it, optionally throttled, and watch it finish.
 */
export function ReassignmentPlanner({ cluster, readOnly }: { cluster: string; readOnly: boolean }) {
  const topics = useTopics(cluster, false);
  const brokers = useBrokers(cluster);
  const clusters = useClusters();
  const list = useReassignments(cluster);
  const plan = usePlanReassignment(cluster);
  const execute = useExecuteReassignment(cluster);
  const [filter, setFilter] = useState('');
  const [chosenTopics, setChosenTopics] = useState<string[]>([]);
  const [chosenBrokers, setChosenBrokers] = useState<number[] | null>(null);
  const [replicationFactor, setReplicationFactor] = useState('');
  const [throttle, setThrottle] = useState('');

  const online = (brokers.data?.brokers ?? []).filter((b) => b.online);
  const targets = chosenBrokers ?? online.map((b) => b.nodeId);
  const names = (topics.data?.topics ?? []).map((t) => t.name).filter((name) => name.toLowerCase().includes(filter.toLowerCase()));
  const bootstrap = clusters.data?.clusters.find((c) => c.name === cluster)?.bootstrap.split(',')[0] ?? 'localhost:9092';
  const rf = replicationFactor.trim() === '' ? undefined : Number(replicationFactor);
  const throttleMb = throttle.trim() === '' ? undefined : Number(throttle);
  const throttleBytes = throttleMb !== undefined && Number.isFinite(throttleMb) && throttleMb > 0 ? Math.round(throttleMb * MB) : undefined;
  const proposal = plan.data;
  const partitions = useMemo(
    () =>
      (proposal?.partitions ?? [])
        .filter((p) => p.proposed.join() !== p.current.join())
        .map((p) => ({ topic: p.topic, partition: p.partition, replicas: p.proposed })),
    [proposal],
  );
  const executed = execute.variables?.partitions ?? [];
  const stillMoving = list.data?.reassignments.filter((r) => executed.some((e) => e.topic === r.topic && e.partition === r.partition)).length ?? 0;

  const toggle = <T,>(items: T[], item: T) => (items.includes(item) ? items.filter((i) => i !== item) : [...items, item]);
  const runPlan = () => {
    execute.reset();
    plan.mutate({ topics: chosenTopics, brokers: targets, replicationFactor: rf });
  };

  return (
    <section aria-labelledby="planner-heading" className="space-y-4">
      <h2 id="planner-heading" className="text-lg font-semibold">
        Plan a reassignment
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium">Topics</legend>
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Filter topics"
            aria-label="Filter topics"
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <div className="max-h-56 space-y-1 overflow-auto text-sm">
            {names.map((name) => (
              <label key={name} className="flex items-center gap-2 break-all">
                <input type="checkbox" checked={chosenTopics.includes(name)} onChange={() => setChosenTopics(toggle(chosenTopics, name))} />
                {name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium">Target brokers</legend>
          {online.map((b) => (
            <label key={b.nodeId} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={targets.includes(b.nodeId)}
                onChange={() => setChosenBrokers(toggle(targets, b.nodeId))}
                aria-label={`Broker ${b.nodeId}`}
              />
              Broker {b.nodeId}
              {b.rack ? ` (rack ${b.rack})` : ''} · {b.replicas} replicas
            </label>
          ))}
          <label className="block pt-2 text-sm">
            New replication factor (optional)
            <input
              type="number"
              min={1}
              step={1}
              value={replicationFactor}
              onChange={(e) => setReplicationFactor(e.target.value)}
              aria-label="New replication factor"
              className="mt-1 block w-32 rounded border border-slate-300 px-2 py-1"
            />
          </label>
        </fieldset>
      </div>
      <Button variant="primary" onClick={runPlan} disabled={chosenTopics.length === 0 || targets.length === 0 || plan.isPending}>
        {plan.isPending ? 'Planning…' : 'Propose a layout'}
      </Button>
      <ErrorText>{plan.error ? failureMessage('plan the reassignment', plan.error) : null}</ErrorText>

      {proposal ? (
        <div className="space-y-3">
          <p className="text-sm" data-testid="plan-summary">
            {proposal.moves === 0
              ? 'Nothing to move: the layout is already balanced over these brokers.'
              : `${proposal.moves} replica${proposal.moves === 1 ? '' : 's'} to move, ${formatBytes(proposal.bytesToMove)} to copy.`}
          </p>
          <PlanGrid partitions={proposal.partitions} />
          {partitions.length > 0 && !readOnly ? (
            <div className="space-y-3">
              <label className="block text-sm">
                Replication throttle in MB/s (optional; lifted when the moves finish)
                <input
                  type="number"
                  min={0}
                  step="any"
                  value={throttle}
                  onChange={(e) => setThrottle(e.target.value)}
                  aria-label="Replication throttle in MB/s"
                  className="mt-1 block w-32 rounded border border-slate-300 px-2 py-1"
                />
              </label>
              <CopyCommand command={reassignExecuteCommand(bootstrap, partitions, throttleBytes)} />
              <Button
                variant="primary"
                onClick={() => execute.mutate({ partitions, throttleBytesPerSec: throttleBytes })}
                disabled={execute.isPending || execute.isSuccess}
              >
                {execute.isPending ? 'Starting…' : 'Execute reassignment'}
              </Button>
              <ErrorText>{execute.error ? failureMessage('start the reassignment', execute.error) : null}</ErrorText>
              {execute.isSuccess ? (
                stillMoving > 0 ? (
                  <Alert tone="info" title={`Moving: ${stillMoving} of ${executed.length} partitions still copying`}>
                    Progress is shown above; this page refreshes every 2 seconds.
                  </Alert>
                ) : (
                  <Alert tone="info" title="Reassignment complete">
                    All {executed.length} partitions are on their new replicas.
                  </Alert>
                )
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
