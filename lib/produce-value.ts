/**
 * The produce form's value, as the request carries it: text as typed, or, with a registry schema,
 * `{ schema, json }` from the JSON typed in the textarea. Pure (used in the browser).
 */
import type { SchemaEncodedField } from '@/lib/types/produce-schema';

export type ValueFormat = { kind: 'text' } | { kind: 'schema'; subject: string; version: string };

/** The request's value, or why the typed text cannot be sent (not JSON, no subject, a bad version). */
export function valueForRequest(text: string, format: ValueFormat): { value: string | SchemaEncodedField } | { error: string } {
  if (format.kind === 'text') return { value: text };
  if (!format.subject) return { error: 'Choose a subject' };
  const version = format.version.trim();
  if (version !== '' && version !== 'latest' && !/^[1-9][0-9]{0,9}$/.test(version)) return { error: 'The version is a number, or empty for the latest' };
  let json: SchemaEncodedField['json']; // JSON.parse yields JSON values only
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `The value is not valid JSON: ${(error as Error).message}` };
  }
  return { value: { schema: { subject: format.subject, version: version === '' || version === 'latest' ? 'latest' : Number(version) }, json } };
}

/**
 * Which field a server error is about, to show it there: the encoders name it first
 * (`value.status: expected int, got "x"`, `key: …`, `message 2: value…`).
 */
export function errorField(message: string): 'key' | 'value' | null {
  const match = /^(?:message [0-9]+: )?(key|value)[.[:]/.exec(message);
  return match ? (match[1] as 'key' | 'value') : null;
}
