import { describe, expect, it } from 'vitest';
import { aclFilterSchema, createAclsSchema, deleteAclsFilterSchema, hostProblem, principalProblem, resourceNameProblem } from './acl-validation';
import { firstProblem } from './topic-validation';

const binding = {
  resourceType: 'TOPIC',
  resourceName: 'orders',
  patternType: 'LITERAL',
  principal: 'User:alice',
  host: '*',
  operation: 'READ',
  permission: 'ALLOW',
};
const refusal = (body: unknown) => {
  const parsed = createAclsSchema.safeParse(body);
  return parsed.success ? null : firstProblem(parsed.error);
};

describe('ACL bindings', () => {
  it('accepts one binding or a list, with LITERAL and * as defaults', () => {
    const { patternType, host, ...minimal } = binding;
    expect(createAclsSchema.parse(minimal)).toEqual([{ ...minimal, patternType, host }]);
    expect(createAclsSchema.parse({ acls: [binding, { ...binding, permission: 'DENY' }] })).toHaveLength(2);
  });

  it('refuses bad principals, hosts, names and operations with a sentence', () => {
    expect(refusal({ ...binding, principal: 'alice' })).toMatch(/Type:name/);
    expect(refusal({ ...binding, principal: 'User:' })).toMatch(/Type:name/);
    expect(refusal({ ...binding, host: 'example.com' })).toMatch(/IP address/);
    expect(refusal({ ...binding, host: '10.0.0.300' })).toMatch(/IP address/);
    expect(refusal({ ...binding, resourceType: 'CLUSTER', resourceName: 'orders', operation: 'ALTER' })).toMatch(/kafka-cluster/);
    expect(refusal({ ...binding, resourceType: 'CLUSTER', resourceName: 'kafka-cluster', patternType: 'PREFIXED', operation: 'ALTER' })).toMatch(/LITERAL/);
    expect(refusal({ ...binding, operation: 'IDEMPOTENT_WRITE' })).toMatch(/does not apply to TOPIC/);
    expect(refusal({ ...binding, operation: 'read' })).toMatch(/one of/);
    expect(refusal({ ...binding, permission: 'ANY' })).toMatch(/ALLOW, DENY/);
    expect(refusal({ ...binding, resourceName: 'bad name' })).toMatch(/ASCII letters/);
    expect(refusal({ ...binding, resourceName: '*', patternType: 'PREFIXED' })).toMatch(/LITERAL \*/);
    expect(refusal({ ...binding, extra: 1 })).not.toBeNull();
    expect(refusal({ acls: [] })).toMatch(/empty/);
  });

  it('knows Kafka principal, host and name forms', () => {
    expect(principalProblem('User:*')).toBeNull();
    expect(principalProblem('User:CN=client,O=Example')).toBeNull();
    expect(principalProblem('User:a\nb')).not.toBeNull();
    expect(hostProblem('*')).toBeNull();
    expect(hostProblem('192.168.0.1')).toBeNull();
    expect(hostProblem('::1')).toBeNull();
    expect(hostProblem('192.168.0.0/24')).not.toBeNull();
    expect(resourceNameProblem('TOPIC', 'PREFIXED', '.')).toBeNull();
    expect(resourceNameProblem('TOPIC', 'LITERAL', '*')).toBeNull();
    expect(resourceNameProblem('GROUP', 'LITERAL', 'any group name at all')).toBeNull();
  });
});

describe('ACL filters', () => {
  it('accepts any subset and checks what is given', () => {
    expect(aclFilterSchema.parse({})).toEqual({});
    expect(aclFilterSchema.safeParse({ principal: 'bob' }).success).toBe(false);
    expect(aclFilterSchema.safeParse({ patternType: 'MATCH', resourceName: 'orders' }).success).toBe(false);
    expect(aclFilterSchema.safeParse({ patternType: 'MATCH', resourceType: 'TOPIC', resourceName: 'orders' }).success).toBe(true);
  });

  it('refuses a delete filter that would remove every ACL', () => {
    expect(deleteAclsFilterSchema.safeParse({}).success).toBe(false);
    expect(deleteAclsFilterSchema.safeParse({ resourceType: 'TOPIC', operation: 'READ' }).success).toBe(false);
    expect(deleteAclsFilterSchema.safeParse({ principal: 'User:bob' }).success).toBe(true);
  });
});
