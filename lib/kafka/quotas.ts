import 'server-only';
import { entityKey, fromKafkaEntity, toKafkaEntity } from '@/lib/quota-entity';
import type { ClientQuota, QuotaChange, QuotaChangeResult, QuotaEntity, QuotaValueChange } from '@/lib/types/quotas';
import { withCluster } from './clients';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import type { ProtocolCluster } from './protocol';
import { alterClientQuotas } from './protocol/codecs/alter-client-quotas';
import { describeClientQuotas, type DescribeClientQuotasRequest } from './protocol/codecs/describe-client-quotas';
import { untilSeen } from './until-seen';

async function describe(protocol: ProtocolCluster, filter: DescribeClientQuotasRequest): Promise<ClientQuota[]> {
  const answer = await protocol.call(describeClientQuotas, filter);
  if (answer.errorCode !== 0) throw apiErrorFromKafkaCode(answer.errorCode, answer.errorMessage, 'Describing client quotas failed');
  const quotas: ClientQuota[] = [];
  for (const entry of answer.entries) {
    const entity = fromKafkaEntity(entry.entity);
    if (!entity || entry.values.length === 0) continue;
    // Keyed by Kafka's quota names: no prototype to collide with.
    const values: Record<string, number> = Object.create(null);
    for (const { key, value } of entry.values) values[key] = value;
    quotas.push({ entity, values });
  }
  return quotas.sort((a, b) => (entityKey(a.entity) < entityKey(b.entity) ? -1 : 1));
}

/** Every quota entity with its values: users, client ids, user + client id pairs, IPs and the defaults. */
export function listQuotas(cluster: string): Promise<ClientQuota[]> {
  // No component, not strict: every entity (KIP-546).
  return withCluster(cluster, ({ protocol }) => describe(protocol, { components: [], strict: false }));
}

/** Exactly this entity's values (strict: a user's quota is not mixed with its user + client id pairs). */
function describeOne(protocol: ProtocolCluster, entity: QuotaEntity): Promise<ClientQuota[]> {
  const components = toKafkaEntity(entity).map((part) =>
    part.entityName === null
      ? { entityType: part.entityType, matchType: 1 as const, match: null }
      : { entityType: part.entityType, matchType: 0 as const, match: part.entityName },
  );
  return describe(protocol, { components, strict: true });
}

/** What `ops` would do to `values`: the values afterwards and each value that moves. */
function preview(values: Record<string, number>, ops: { key: string; value: number; remove: boolean }[]) {
  const after: Record<string, number> = Object.assign(Object.create(null), values);
  const changes: QuotaValueChange[] = [];
  for (const { key, value, remove } of ops) {
    const from = Object.hasOwn(values, key) ? values[key]! : null;
    const to = remove ? null : value;
    if (remove) delete after[key];
    else after[key] = value;
    if (from !== to) changes.push({ key, from, to });
  }
  return { values: after, changes };
}

/**
 * Sets (number) and removes (null) an entity's quota values in one AlterClientQuotas request; the
 * broker refuses the whole entry (400 with its reason) on a bad value, so nothing is half-applied.
 * Answers the entity's values once a describe shows them. With `dryRun` the broker only validates
 * (validateOnly) and the answer is what the values would be, and which would change.
 */
export function changeQuota(cluster: string, change: QuotaChange, { dryRun = false } = {}): Promise<QuotaChangeResult> {
  const ops = Object.entries(change.values).map(([key, value]) => ({ key, value: value ?? 0, remove: value === null }));
  return withCluster(cluster, async ({ protocol }) => {
    const entries = [{ entity: toKafkaEntity(change.entity), ops }];
    const answer = await protocol.call(alterClientQuotas, { entries, validateOnly: dryRun });
    const failed = answer.entries.find((e) => e.errorCode !== 0);
    if (failed) throw apiErrorFromKafkaCode(failed.errorCode, failed.errorMessage, 'Changing the quota failed');
    if (dryRun) {
      const [found] = await describeOne(protocol, change.entity);
      return { entity: change.entity, ...preview(found?.values ?? {}, ops), dryRun: true };
    }
    let current: ClientQuota = { entity: change.entity, values: {} };
    await untilSeen(async () => {
      const [found] = await describeOne(protocol, change.entity);
      current = found ?? { entity: change.entity, values: {} };
      return ops.every((op) =>
        op.remove ? !Object.hasOwn(current.values, op.key) : Object.hasOwn(current.values, op.key) && current.values[op.key] === op.value,
      );
    });
    return { ...current, dryRun: false };
  });
}
