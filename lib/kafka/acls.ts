import 'server-only';
import type { AclFilter as KafkaJsAclFilter, AclEntry } from 'kafkajs';
import type { AclBinding, AclDeleteResult, AclFilter, AclList, NewAclBinding } from '@/lib/types/acls';
import { withCluster } from './clients';
import { causes } from './errors';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';

/**
 * ACLs (DescribeAcls, CreateAcls, DeleteAcls through kafkajs). Kafka's numeric enums stay in this
 * file: the API speaks Kafka's names (TOPIC, PREFIXED, READ, ALLOW), as kafka-acls prints them.
 */

// org.apache.kafka.common.resource.ResourceType, PatternType; acl.AclOperation, AclPermissionType.
const RESOURCE_TYPES = ['UNKNOWN', 'ANY', 'TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'];
const PATTERN_TYPES = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'];
const OPERATIONS = [
  'UNKNOWN',
  'ANY',
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
];
const PERMISSIONS = ['UNKNOWN', 'ANY', 'DENY', 'ALLOW'];

const code = (names: string[], name: string) => names.indexOf(name);
const name = (names: string[], value: number) => names[value] ?? `UNKNOWN(${value})`;

function toBinding(e: {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}): AclBinding {
  return {
    resourceType: name(RESOURCE_TYPES, e.resourceType),
    resourceName: e.resourceName,
    patternType: name(PATTERN_TYPES, e.resourcePatternType),
    principal: e.principal,
    host: e.host,
    operation: name(OPERATIONS, e.operation),
    permission: name(PERMISSIONS, e.permissionType),
  };
}

function toKafkaJsFilter(f: AclFilter): KafkaJsAclFilter {
  return {
    resourceType: code(RESOURCE_TYPES, f.resourceType ?? 'ANY'),
    resourceName: f.resourceName,
    resourcePatternType: code(PATTERN_TYPES, f.patternType ?? 'ANY'),
    principal: f.principal,
    host: f.host,
    operation: code(OPERATIONS, f.operation ?? 'ANY'),
    permissionType: code(PERMISSIONS, f.permission ?? 'ANY'),
  } as KafkaJsAclFilter;
}

/** The Kafka error code inside a kafkajs error (KafkaJSProtocolError carries it), if any. */
function kafkaCode(error: unknown): number | undefined {
  return (causes(error).find((e) => typeof (e as { code?: unknown }).code === 'number') as { code?: number } | undefined)?.code;
}

/** True when the broker answered SECURITY_DISABLED (54): the cluster has no authorizer, however kafkajs wrapped it. */
export function isSecurityDisabled(error: unknown): boolean {
  return kafkaCode(error) === KafkaErrorCode.SECURITY_DISABLED;
}

/** Broker refusals as the error catalogue names them (authorization → 403, no authorizer → 409, …). */
function refusal(error: unknown, action: string): unknown {
  const errorCode = kafkaCode(error);
  return errorCode === undefined ? error : apiErrorFromKafkaCode(errorCode, null, `Kafka refused to ${action}`);
}

const byDisplayOrder = (a: AclBinding, b: AclBinding) =>
  a.principal.localeCompare(b.principal) ||
  a.resourceType.localeCompare(b.resourceType) ||
  a.resourceName.localeCompare(b.resourceName) ||
  a.operation.localeCompare(b.operation) ||
  a.permission.localeCompare(b.permission);

/**
 * The bindings a filter selects. A cluster without an authorizer answers SECURITY_DISABLED: that is
 * a state the page shows ("No authorizer configured"), so it comes back as `authorizer: false`.
 */
export async function listAcls(cluster: string, filter: AclFilter): Promise<AclList> {
  return withCluster(cluster, async ({ admin }) => {
    try {
      const { resources } = await admin.describeAcls(toKafkaJsFilter(filter));
      const acls = resources.flatMap((r) => r.acls.map((acl) => toBinding({ ...r, ...acl })));
      return { acls: acls.sort(byDisplayOrder), authorizer: true };
    } catch (error) {
      if (isSecurityDisabled(error)) return { acls: [], authorizer: false };
      throw refusal(error, 'list ACLs');
    }
  });
}

/** Creates bindings (already validated: lib/acl-validation.ts). Kafka ignores a binding that exists. */
export async function createAcls(cluster: string, bindings: NewAclBinding[]): Promise<{ acls: NewAclBinding[] }> {
  const acl = bindings.map((b) => ({
    resourceType: code(RESOURCE_TYPES, b.resourceType),
    resourceName: b.resourceName,
    resourcePatternType: code(PATTERN_TYPES, b.patternType),
    principal: b.principal,
    host: b.host,
    operation: code(OPERATIONS, b.operation),
    permissionType: code(PERMISSIONS, b.permission),
  })) as AclEntry[];
  return withCluster(cluster, async ({ admin }) => {
    try {
      await admin.createAcls({ acl });
    } catch (error) {
      throw refusal(error, 'create the ACLs');
    }
    return { acls: bindings };
  });
}

/**
 * Deletes what a filter selects, or with `dryRun` only lists it: DescribeAcls and DeleteAcls take
 * the same filter, so the preview names exactly what a delete at that moment removes.
 */
export async function deleteAcls(cluster: string, filter: AclFilter, { dryRun }: { dryRun: boolean }): Promise<AclDeleteResult> {
  if (dryRun) {
    const { acls, authorizer } = await listAcls(cluster, filter);
    if (!authorizer) throw apiErrorFromKafkaCode(KafkaErrorCode.SECURITY_DISABLED, 'No authorizer configured on this cluster: there are no ACLs to delete', '');
    return { deleted: acls.length, acls, dryRun: true };
  }
  return withCluster(cluster, async ({ admin }) => {
    let responses: Awaited<ReturnType<typeof admin.deleteAcls>>['filterResponses'];
    try {
      ({ filterResponses: responses } = await admin.deleteAcls({ filters: [toKafkaJsFilter(filter)] }));
    } catch (error) {
      throw refusal(error, 'delete the ACLs');
    }
    const failed = responses.find((r) => r.errorCode !== 0) ?? responses.flatMap((r) => r.matchingAcls).find((m) => m.errorCode !== 0);
    if (failed) throw apiErrorFromKafkaCode(failed.errorCode, failed.errorMessage ?? null, 'Kafka refused to delete the ACLs');
    const acls = responses.flatMap((r) => r.matchingAcls.map(toBinding)).sort(byDisplayOrder);
    return { deleted: acls.length, acls, dryRun: false };
  });
}
