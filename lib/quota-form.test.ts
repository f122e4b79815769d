import { describe, expect, it } from 'vitest';
import { describeEntity, keysFor, removeAll, valuesToSend } from './quota-form';

describe('quota form', () => {
  it('reads entities with defaults named', () => {
    expect(describeEntity({ user: 'alice', clientId: null })).toBe('user alice · client id (default)');
    expect(describeEntity({ ip: '10.0.0.1' })).toBe('ip 10.0.0.1');
  });

  it('offers connection_creation_rate for IPs only', () => {
    expect(keysFor({ ip: null })).toEqual(['connection_creation_rate']);
    expect(keysFor({ user: 'a' })).toContain('producer_byte_rate');
  });

  it('sets filled fields, removes emptied ones, leaves untouched empty ones out', () => {
    const fields = { producer_byte_rate: '1024', consumer_byte_rate: '', request_percentage: '' };
    expect(valuesToSend(fields, { consumer_byte_rate: 5 })).toEqual({ producer_byte_rate: 1024, consumer_byte_rate: null });
    expect(valuesToSend({ producer_byte_rate: 'abc' }, undefined)).toBeNull();
    expect(valuesToSend({ producer_byte_rate: '-1' }, undefined)).toBeNull();
    expect(valuesToSend({ constructor: '' }, {})).toEqual({});
  });

  it('removes every value of an entity', () => {
    expect(removeAll({ entity: { user: 'a' }, values: { producer_byte_rate: 1, consumer_byte_rate: 2 } })).toEqual({
      producer_byte_rate: null,
      consumer_byte_rate: null,
    });
  });
});
