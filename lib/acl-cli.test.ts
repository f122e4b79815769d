import { describe, expect, it } from 'vitest';
import { kafkaAclsAddCommand, kafkaAclsListCommand, kafkaAclsRemoveCommand } from './acl-cli';

const b = 'localhost:9092';

describe('kafka-acls commands', () => {
  it('adds an ALLOW or DENY binding with kafka-acls option names', () => {
    expect(
      kafkaAclsAddCommand(b, {
        resourceType: 'TOPIC',
        resourceName: 'orders',
        patternType: 'PREFIXED',
        principal: 'User:alice',
        host: '*',
        operation: 'DESCRIBE_CONFIGS',
        permission: 'ALLOW',
      }),
    ).toBe(
      "kafka-acls.sh --bootstrap-server localhost:9092 --add --allow-principal User:alice --allow-host '*' --operation DescribeConfigs --topic orders --resource-pattern-type prefixed",
    );
    expect(
      kafkaAclsAddCommand(b, {
        resourceType: 'CLUSTER',
        resourceName: 'kafka-cluster',
        patternType: 'LITERAL',
        principal: 'User:bob',
        host: '10.0.0.1',
        operation: 'IDEMPOTENT_WRITE',
        permission: 'DENY',
      }),
    ).toBe('kafka-acls.sh --bootstrap-server localhost:9092 --add --deny-principal User:bob --deny-host 10.0.0.1 --operation IdempotentWrite --cluster');
  });

  it('lists by principal or resource', () => {
    expect(kafkaAclsListCommand(b, { principal: 'User:alice' })).toBe('kafka-acls.sh --bootstrap-server localhost:9092 --list --principal User:alice');
    expect(kafkaAclsListCommand(b, { resourceType: 'GROUP', resourceName: 'g 1', patternType: 'MATCH' })).toBe(
      "kafka-acls.sh --bootstrap-server localhost:9092 --list --group 'g 1' --resource-pattern-type match",
    );
  });

  it('removes by resource, narrowed to a principal, and says when kafka-acls cannot', () => {
    expect(
      kafkaAclsRemoveCommand(b, {
        resourceType: 'TOPIC',
        resourceName: 'orders',
        patternType: 'LITERAL',
        principal: 'User:bob',
        permission: 'DENY',
        operation: 'READ',
      }),
    ).toBe('kafka-acls.sh --bootstrap-server localhost:9092 --remove --force --deny-principal User:bob --operation Read --topic orders');
    expect(kafkaAclsRemoveCommand(b, { principal: 'User:bob' })).toBeNull();
  });
});
