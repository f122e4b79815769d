import { describe, expect, it } from 'vitest';
import { alterClientQuotas } from './alter-client-quotas';
import {
  ALTER_QUOTAS_CLIENT_DEFAULT,
  ALTER_QUOTAS_FRACTIONAL,
  ALTER_QUOTAS_IP,
  ALTER_QUOTAS_USER_CLIENT,
  DESCRIBE_QUOTAS_CLIENTS,
  DESCRIBE_QUOTAS_IPS,
  DESCRIBE_QUOTAS_USERS_CLIENTS,
  REMOVE_QUOTAS_CLIENT_DEFAULT,
  REMOVE_QUOTAS_IP,
  REMOVE_QUOTAS_USER_CLIENT,
} from './captured-users-quotas.fixtures';
import { describeClientQuotas } from './describe-client-quotas';

const hex = (s: string) => Buffer.from(s, 'hex');
const userClient = [
  { entityType: 'client-id', entityName: 'fixture-qclient' },
  { entityType: 'user', entityName: 'fixture-quser' },
];

describe('DescribeClientQuotas v1, against kafka-configs', () => {
  it('writes the filters the tool sent', () => {
    const any = (entityType: string) => ({ entityType, matchType: 2 as const, match: null });
    expect(describeClientQuotas.encode({ components: [any('user'), any('client-id')], strict: true }, 1).toString('hex')).toBe(
      DESCRIBE_QUOTAS_USERS_CLIENTS.request,
    );
    expect(describeClientQuotas.encode({ components: [any('ip')], strict: true }, 1).toString('hex')).toBe(DESCRIBE_QUOTAS_IPS.request);
  });

  it('reads entities (a default as a null name) and their float64 values', () => {
    expect(describeClientQuotas.decode(hex(DESCRIBE_QUOTAS_USERS_CLIENTS.response), 1)).toEqual({
      errorCode: 0,
      errorMessage: null,
      entries: [
        {
          entity: userClient,
          values: [
            { key: 'consumer_byte_rate', value: 2048 },
            { key: 'producer_byte_rate', value: 1024 },
          ],
        },
      ],
    });
    expect(describeClientQuotas.decode(hex(DESCRIBE_QUOTAS_CLIENTS.response), 1).entries).toEqual([
      { entity: [{ entityType: 'client-id', entityName: null }], values: [{ key: 'request_percentage', value: 150 }] },
    ]);
    expect(describeClientQuotas.decode(hex(DESCRIBE_QUOTAS_IPS.response), 1).entries).toEqual([
      { entity: [{ entityType: 'ip', entityName: '10.1.2.3' }], values: [{ key: 'connection_creation_rate', value: 7 }] },
    ]);
  });
});

describe('AlterClientQuotas v1, against kafka-configs', () => {
  const set = (key: string, value: number) => ({ key, value, remove: false });
  const remove = (key: string) => ({ key, value: 0, remove: true });
  const encode = (entity: { entityType: string; entityName: string | null }[], ops: { key: string; value: number; remove: boolean }[]) =>
    alterClientQuotas.encode({ entries: [{ entity, ops }], validateOnly: false }, 1).toString('hex');

  it('writes the tool’s set and remove requests byte for byte', () => {
    expect(encode(userClient, [set('producer_byte_rate', 1024), set('consumer_byte_rate', 2048)])).toBe(ALTER_QUOTAS_USER_CLIENT.request);
    expect(encode(userClient, [set('producer_byte_rate', 1024), set('consumer_byte_rate', 2048.5)])).toBe(ALTER_QUOTAS_FRACTIONAL.request);
    expect(encode([{ entityType: 'client-id', entityName: null }], [set('request_percentage', 150)])).toBe(ALTER_QUOTAS_CLIENT_DEFAULT.request);
    expect(encode([{ entityType: 'ip', entityName: '10.1.2.3' }], [set('connection_creation_rate', 7)])).toBe(ALTER_QUOTAS_IP.request);
    expect(encode(userClient, [remove('producer_byte_rate'), remove('consumer_byte_rate')])).toBe(REMOVE_QUOTAS_USER_CLIENT.request);
    expect(encode([{ entityType: 'client-id', entityName: null }], [remove('request_percentage')])).toBe(REMOVE_QUOTAS_CLIENT_DEFAULT.request);
    expect(encode([{ entityType: 'ip', entityName: '10.1.2.3' }], [remove('connection_creation_rate')])).toBe(REMOVE_QUOTAS_IP.request);
  });

  it('reads per-entity results, including the broker’s refusal of a fractional byte rate', () => {
    expect(alterClientQuotas.decode(hex(ALTER_QUOTAS_USER_CLIENT.response), 1)).toEqual({
      entries: [{ errorCode: 0, errorMessage: null, entity: userClient }],
    });
    expect(alterClientQuotas.decode(hex(ALTER_QUOTAS_FRACTIONAL.response), 1)).toEqual({
      entries: [{ errorCode: 42, errorMessage: 'consumer_byte_rate cannot be a fractional value.', entity: userClient }],
    });
    expect(alterClientQuotas.decode(hex(ALTER_QUOTAS_CLIENT_DEFAULT.response), 1).entries[0].entity).toEqual([{ entityType: 'client-id', entityName: null }]);
  });
});
