/** What the ACL endpoints return and accept; shared by route handlers, hooks and components. */

/** The resource types the dashboard creates ACLs for (Kafka's names). */
export const ACL_RESOURCE_TYPES = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID'] as const;
export type AclResourceType = (typeof ACL_RESOURCE_TYPES)[number];

export const ACL_PATTERN_TYPES = ['LITERAL', 'PREFIXED'] as const;
export type AclPatternType = (typeof ACL_PATTERN_TYPES)[number];

export const ACL_OPERATIONS = [
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
] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

export const ACL_PERMISSIONS = ['ALLOW', 'DENY'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** The one resource name a CLUSTER ACL can have. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';

/** One ACL binding as Kafka stores it. Listed bindings may carry names beyond the ones above (USER, CREATE_TOKENS…). */
export interface AclBinding {
  resourceType: AclResourceType | string;
  resourceName: string;
  patternType: AclPatternType | string;
  principal: string;
  host: string;
  operation: AclOperation | string;
  permission: AclPermission | string;
}

/** A binding the dashboard creates: only the names above. */
export interface NewAclBinding extends AclBinding {
  resourceType: AclResourceType;
  patternType: AclPatternType;
  operation: AclOperation;
  permission: AclPermission;
}

/**
 * Selects bindings, as Kafka's AclBindingFilter does: a missing field matches anything; patternType
 * MATCH with a resourceName selects every binding that applies to that resource (literal, prefixed
 * and the `*` wildcard).
 */
export interface AclFilter {
  resourceType?: AclResourceType | 'ANY';
  resourceName?: string;
  patternType?: AclPatternType | 'ANY' | 'MATCH';
  principal?: string;
  host?: string;
  operation?: AclOperation | 'ANY';
  permission?: AclPermission | 'ANY';
}

/** `authorizer: false` when the cluster has no authorizer (Kafka answers SECURITY_DISABLED): a state, not an error. */
export interface AclList {
  acls: AclBinding[];
  authorizer: boolean;
}

/** What a delete removed, or with `dryRun` would remove. */
export interface AclDeleteResult {
  deleted: number;
  acls: AclBinding[];
  dryRun: boolean;
}
