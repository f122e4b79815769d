import { z } from '@/lib/zod';
import { topicNameProblem } from './topic-validation';
import {
  ACL_OPERATIONS,
  ACL_PATTERN_TYPES,
  ACL_PERMISSIONS,
  ACL_RESOURCE_TYPES,
  CLUSTER_RESOURCE_NAME,
  type AclOperation,
  type AclResourceType,
  type NewAclBinding,
} from './types/acls';

/**
 * The checks kafka-acls makes before it sends anything, in one place for the form and the server:
 * a bad binding is refused with a sentence and never reaches Kafka. Pure.
 */

/** Operations that mean something on each resource type (as AclCommand and Kafka's docs list them). */
export const OPERATIONS_BY_RESOURCE: Record<AclResourceType, readonly AclOperation[]> = {
  TOPIC: ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['ALL', 'READ', 'DESCRIBE', 'DELETE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  CLUSTER: ['ALL', 'CREATE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE', 'ALTER', 'DESCRIBE'],
  TRANSACTIONAL_ID: ['ALL', 'DESCRIBE', 'WRITE'],
};

/** Bindings and filters travel as int16-length strings; these limits keep them far below. */
const MAX_NAME_LENGTH = 1000;
const MAX_BINDINGS = 100;
// Type, then ':' and a name; the type is a word (User, Group, or a custom principal builder's).
const PRINCIPAL = /^[A-Za-z][A-Za-z0-9_]*:[^\u0000-\u001f\u007f]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `principal` is not `Type:name`, or null. */
export function principalProblem(principal: string): string | null {
  if (principal.length === 0) return 'Principal is required (e.g. User:alice)';
  if (principal.length > MAX_NAME_LENGTH) return `Principal is at most ${MAX_NAME_LENGTH} characters`;
  if (!PRINCIPAL.test(principal)) return `Principal "${principal.slice(0, 80)}" must be Type:name, e.g. User:alice or User:*`;
  return null;
}

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

/** Kafka matches ACL hosts against the client's IP address: `*` or one address, no names or ranges. */
export function hostProblem(host: string): string | null {
  if (host === '*' || ipv4.safeParse(host).success || ipv6.safeParse(host).success) return null;
  return `Host "${host.slice(0, 80)}" must be * or an IP address (Kafka compares it with the client's address)`;
}

/** Why a resource name cannot be used for this type and pattern, or null. */
export function resourceNameProblem(resourceType: AclResourceType, patternType: string, name: string): string | null {
  if (name.length === 0) return 'Resource name is required (* for every resource of this type)';
  if (name.length > MAX_NAME_LENGTH) return `Resource name is at most ${MAX_NAME_LENGTH} characters`;
  if (CONTROL.test(name)) return 'Resource name cannot contain control characters';
  if (resourceType === 'CLUSTER') {
    if (name !== CLUSTER_RESOURCE_NAME) return `A CLUSTER ACL's resource name is "${CLUSTER_RESOURCE_NAME}"`;
    if (patternType !== 'LITERAL') return 'A CLUSTER ACL is LITERAL';
    return null;
  }
  if (name === '*') return patternType === 'PREFIXED' ? 'A PREFIXED "*" matches only names starting with "*"; use LITERAL * for every resource' : null;
  if (resourceType === 'TOPIC') {
    const problem = topicNameProblem(name);
    // A prefix need not be a whole name: "." alone is a fine prefix.
    if (problem && !(patternType === 'PREFIXED' && /^[a-zA-Z0-9._-]+$/.test(name) && name.length <= 249))
      return problem.replace('Topic name', 'Topic name or prefix');
  }
  return null;
}

const one = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be one of ${values.join(', ')}`) });

/** One binding to create. */
export const aclBindingSchema = z
  .object({
    resourceType: one(ACL_RESOURCE_TYPES, 'resourceType'),
    resourceName: z.string({ error: 'resourceName is required' }),
    patternType: one(ACL_PATTERN_TYPES, 'patternType').default('LITERAL'),
    principal: z.string({ error: 'principal is required' }),
    host: z.string({ error: 'host must be a string' }).default('*'),
    operation: one(ACL_OPERATIONS, 'operation'),
    permission: one(ACL_PERMISSIONS, 'permission'),
  })
  .strict()
  .superRefine((b, ctx) => {
    const problem = aclBindingProblem(b);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The first reason a complete binding cannot be created, or null. */
export function aclBindingProblem(b: NewAclBinding): string | null {
  return (
    resourceNameProblem(b.resourceType, b.patternType, b.resourceName) ??
    principalProblem(b.principal) ??
    hostProblem(b.host) ??
    (OPERATIONS_BY_RESOURCE[b.resourceType].includes(b.operation)
      ? null
      : `${b.operation} does not apply to ${b.resourceType}; one of ${OPERATIONS_BY_RESOURCE[b.resourceType].join(', ')}`)
  );
}

const bindingList = z
  .object({
    acls: z
      .array(aclBindingSchema)
      .min(1, { error: 'acls is empty' })
      .max(MAX_BINDINGS, { error: `At most ${MAX_BINDINGS} ACLs at once` }),
  })
  .strict();

/**
 * POST body: one binding, or `{ acls: [...] }`. Chosen by the `acls` key rather than a union, whose
 * refusal would only say "Invalid input" instead of which field is wrong.
 */
export const createAclsSchema = z.unknown().transform((body, ctx): NewAclBinding[] => {
  const list = typeof body === 'object' && body !== null && 'acls' in body;
  const parsed = list ? bindingList.safeParse(body) : aclBindingSchema.safeParse(body);
  if (parsed.success) return 'acls' in parsed.data ? parsed.data.acls : [parsed.data];
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

/** A filter (GET query, DELETE body): every field optional, ANY matches everything. */
export const aclFilterSchema = z
  .object({
    resourceType: one([...ACL_RESOURCE_TYPES, 'ANY'] as const, 'resourceType').optional(),
    resourceName: z.string().min(1, { error: 'resourceName is empty' }).max(MAX_NAME_LENGTH).optional(),
    patternType: one([...ACL_PATTERN_TYPES, 'ANY', 'MATCH'] as const, 'patternType').optional(),
    principal: z.string().optional(),
    host: z.string().optional(),
    operation: one([...ACL_OPERATIONS, 'ANY'] as const, 'operation').optional(),
    permission: one([...ACL_PERMISSIONS, 'ANY'] as const, 'permission').optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const problem =
      (f.principal !== undefined ? principalProblem(f.principal) : null) ??
      (f.host !== undefined ? hostProblem(f.host) : null) ??
      (f.patternType === 'MATCH' && (f.resourceName === undefined || !f.resourceType || f.resourceType === 'ANY')
        ? 'patternType MATCH needs a resourceType and a resourceName'
        : null);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A DELETE filter must name a principal or a resource: an empty filter would remove every ACL in
 * the cluster, which kafka-acls does not offer either.
 */
export const deleteAclsFilterSchema = aclFilterSchema.refine((f) => f.principal !== undefined || f.resourceName !== undefined, {
  error: 'A delete filter must name a principal or a resourceName (removing every ACL at once is not offered)',
});
