import 'server-only';
import type { BrokerConfigPreview, BrokerConfigsChange } from '@/lib/types/brokers';
import type { ConfigEntry } from '@/lib/types/topics';
import { withCluster } from './clients';
import { alterConfigs, describeConfigs, describeDefaultBrokerConfigs } from './configs';
import { applyConfirmed } from './confirm-change';
import { notFound } from './errors';
import { forget } from './coalesce';
import type { ProtocolCluster } from './protocol';
import { sleep } from '@/lib/sleep';

/** A broker's node id, or "default": the cluster-wide dynamic default (BROKER resource ""). */
export type BrokerConfigTarget = number | 'default';

const DYNAMIC_SOURCE = { default: 'DYNAMIC_DEFAULT_BROKER_CONFIG', broker: 'DYNAMIC_BROKER_CONFIG' } as const;
const SETTLE_MS = 5000;

/**
 * True when `configs` shows every change: a set value in place, a reset key no longer set at this
 * level and, where the cluster-wide default sets it, showing the default's value. (A broker that has
 * not finished reconfiguring already names the default as the source but still shows the old value.)
 */
function shows(configs: ConfigEntry[], changes: [string, string | null][], target: BrokerConfigTarget, defaults: Map<string, string | null>): boolean {
  const byName = new Map(configs.map((c) => [c.name, c]));
  const level = target === 'default' ? DYNAMIC_SOURCE.default : DYNAMIC_SOURCE.broker;
  return changes.every(([name, value]) => {
    const now = byName.get(name);
    if (value !== null) return now?.source === level && (now.isSensitive || now.value === value);
    if (now?.source === level) return false;
    const fallback = target === 'default' ? undefined : defaults.get(name);
    return fallback === undefined || now?.isSensitive === true || (now?.source === DYNAMIC_SOURCE.default && now.value === fallback);
  });
}

/**
 * Sets or resets (null) dynamic configs of one broker or of the cluster-wide default, like
 * `kafka-configs --entity-type brokers --entity-name N|--entity-default --alter`, and answers the
 * configs afterwards with their sources. The broker validates first: a read-only config is refused
 * with its own message (400). The default's answer lists the configs set at the default level.
 */
export function updateBrokerConfigs(cluster: string, target: BrokerConfigTarget, configs: Record<string, string | null>): Promise<BrokerConfigsChange> {
  return withCluster(cluster, async ({ protocol }) => {
    const describedBy = await liveBroker(protocol, cluster, target);
    const changes = Object.entries(configs);
    const read = () => describeConfigs(protocol, 'broker', String(describedBy));
    // What a key reset on one broker falls back to, when the cluster-wide default sets it.
    const resets = target !== 'default' && changes.some(([, value]) => value === null);
    const defaults = resets ? await describeDefaultBrokerConfigs(protocol, describedBy) : new Map<string, string | null>();
    const what = `changing ${changes.map(([name]) => name).join(', ')} of ${target === 'default' ? 'the cluster-wide broker default' : `broker ${target}`}`;
    await applyConfirmed(cluster, {
      what,
      apply: () =>
        alterConfigs(
          protocol,
          'broker',
          target === 'default' ? '' : String(target),
          changes.map(([name, value]) => ({ name, value })),
        ),
      observe: async () => {
        const applied = shows(await read(), changes, target, defaults);
        return { applied, state: applied ? 'the configs show the change' : 'the configs do not show it' };
      },
    });
    forget(`brokers:${cluster}`);
    // The controller has applied it; the broker shows it once it has caught up with the metadata log.
    let now = await read();
    for (const until = Date.now() + SETTLE_MS; !shows(now, changes, target, defaults) && Date.now() < until; now = await read()) {
      await sleep(200);
    }
    return { dryRun: false, configs: target === 'default' ? now.filter((c) => c.source === DYNAMIC_SOURCE.default) : now };
  });
}

/** The broker that answers for `target` (any live one for the default: its values include that level); 404 for a broker not live. */
async function liveBroker(protocol: ProtocolCluster, cluster: string, target: BrokerConfigTarget): Promise<number> {
  const { brokers } = await protocol.metadata([]);
  if (target !== 'default' && !brokers.some((b) => b.nodeId === target))
    throw notFound('BROKER_NOT_FOUND', `No live broker with node id ${target} in cluster "${cluster}"`);
  return target === 'default' ? Math.min(...brokers.map((b) => b.nodeId)) : target;
}

/**
 * The dry run of updateBrokerConfigs (`?dryRun=true`): the broker validates the change
 * (IncrementalAlterConfigs validateOnly; a read-only config or a bad value is its 400) and nothing
 * changes; answers each config's value and source now beside the value it would get.
 */
export function previewBrokerConfigs(cluster: string, target: BrokerConfigTarget, configs: Record<string, string | null>): Promise<BrokerConfigsChange> {
  return withCluster(cluster, async ({ protocol }) => {
    const describedBy = await liveBroker(protocol, cluster, target);
    const changes = Object.entries(configs);
    const resource = target === 'default' ? '' : String(target);
    await alterConfigs(
      protocol,
      'broker',
      resource,
      changes.map(([name, value]) => ({ name, value })),
      { validateOnly: true },
    );
    const preview: BrokerConfigPreview[] = [];
    if (target === 'default') {
      const set = await describeDefaultBrokerConfigs(protocol, describedBy);
      for (const [name, to] of changes) {
        preview.push(set.has(name) ? { name, from: set.get(name) ?? null, source: DYNAMIC_SOURCE.default, to } : { name, from: null, source: null, to });
      }
    } else {
      const byName = new Map((await describeConfigs(protocol, 'broker', resource)).map((c) => [c.name, c]));
      for (const [name, to] of changes) preview.push({ name, from: byName.get(name)?.value ?? null, source: byName.get(name)?.source ?? null, to });
    }
    return { dryRun: true, changes: preview };
  });
}
