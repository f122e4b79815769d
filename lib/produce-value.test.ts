import { describe, expect, it } from 'vitest';
import { errorField, valueForRequest } from './produce-value';

describe('valueForRequest', () => {
  it('sends text as typed', () => {
    expect(valueForRequest('{ not json', { kind: 'text' })).toEqual({ value: '{ not json' });
  });

  it('sends the typed JSON with the chosen subject and version (empty: latest)', () => {
    expect(valueForRequest('{"a": 1}', { kind: 'schema', subject: 's-value', version: '' })).toEqual({
      value: { schema: { subject: 's-value', version: 'latest' }, json: { a: 1 } },
    });
    expect(valueForRequest('"x"', { kind: 'schema', subject: 's', version: ' 3 ' })).toEqual({ value: { schema: { subject: 's', version: 3 }, json: 'x' } });
  });

  it('refuses text that is not JSON, a missing subject and a version that is not a number', () => {
    expect(valueForRequest('{ a: 1 }', { kind: 'schema', subject: 's', version: '' })).toEqual({
      error: expect.stringMatching(/^The value is not valid JSON: /),
    });
    expect(valueForRequest('{}', { kind: 'schema', subject: '', version: '' })).toEqual({ error: 'Choose a subject' });
    expect(valueForRequest('{}', { kind: 'schema', subject: 's', version: '0' })).toEqual({ error: 'The version is a number, or empty for the latest' });
  });
});

describe('errorField', () => {
  it.each([
    ['value.status: expected int, got "x"', 'value'],
    ["value: must have required property 'user'", 'value'],
    ['key[0]: expected string', 'key'],
    ['message 2: value.cents: expected long, got "x"', 'value'],
    ['valueless: something', null],
    ['Topic "t" does not exist', null],
  ])('%s → %s', (message, field) => {
    expect(errorField(message)).toBe(field);
  });
});
