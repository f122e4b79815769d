/**
 * What the encoders throw when a record does not match its schema: the path of the offending field
 * (`value.lines[2].sku`) and what was expected, so the form can show it against the field. Pure.
 */
export class SchemaValidationError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'SchemaValidationError';
  }
}

/** A value as the message quotes it: JSON, cut short so a large object does not flood the message. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `path` with a property: `.name`, or `["a b"]` when the name is not a plain identifier. */
export function childPath(path: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** True for a JSON object (not null, not an array). */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Strict base64 (what the decoders write for bytes): the bytes, or null when `text` is not base64. */
export function fromBase64(text: unknown): Buffer | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  return Buffer.from(text, 'base64');
}
