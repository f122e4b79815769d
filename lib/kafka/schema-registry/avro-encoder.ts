/**
 * Avro records typed as JSON, checked against the schema field by field and written with avsc. The
 * JSON is what the decoder shows: unions as plain values, bytes and fixed as base64, longs as numbers
 * or, beyond 2^53, as strings of digits. Pure.
 */
import type avsc from 'avsc';
import { avroType, type ResolvedSchema } from './decoders';
import { childPath, fromBase64, isJsonObject, SchemaValidationError, shown } from './encode-error';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** What a type is called in a message: its full name for named types, else its kind. */
function typeLabel(type: avsc.Type): string {
  if (type.name) return type.name;
  const kind = type.typeName.replace(/^abstract:|^logical:/, '');
  if (type.typeName === 'union:unwrapped') return (type as avsc.types.UnwrappedUnionType).types.map(typeLabel).join(' | ');
  return kind;
}

const fail = (path: string, type: avsc.Type, value: unknown): never => {
  throw new SchemaValidationError(path, `expected ${typeLabel(type)}, got ${shown(value)}`);
};

function toLong(value: unknown, path: string, type: avsc.Type): number | bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?[0-9]{1,19}$/.test(value)) {
    const n = BigInt(value);
    if (n >= LONG_MIN && n <= LONG_MAX) return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  return fail(path, type, value);
}

function toRecord(type: avsc.types.RecordType, value: unknown, path: string): Record<string, unknown> {
  if (!isJsonObject(value)) return fail(path, type, value);
  const out: Record<string, unknown> = Object.create(null);
  const names = new Set(type.fields.map((f) => f.name));
  const extra = Object.keys(value).find((key) => !names.has(key));
  if (extra !== undefined) throw new SchemaValidationError(childPath(path, extra), `${type.name ?? 'the record'} has no such field`);
  for (const field of type.fields) {
    const fieldPath = childPath(path, field.name);
    if (Object.hasOwn(value, field.name)) out[field.name] = toAvro(field.type, value[field.name], fieldPath);
    else if (field.defaultValue() !== undefined) out[field.name] = field.defaultValue();
    else throw new SchemaValidationError(fieldPath, `missing (expected ${typeLabel(field.type)})`);
  }
  return out;
}

/**
 * A union takes the first branch the value fits. When none fits, the error of the branch that got
 * furthest into the value (a record whose one field is wrong) says more than "expected one of".
 */
function toUnion(type: avsc.types.UnwrappedUnionType, value: unknown, path: string): unknown {
  let deepest: SchemaValidationError | null = null;
  for (const branch of type.types) {
    try {
      return toAvro(branch, value, path);
    } catch (error) {
      if (!(error instanceof SchemaValidationError)) throw error;
      if (error.path !== path && (!deepest || error.path.length > deepest.path.length)) deepest = error;
    }
  }
  throw deepest ?? new SchemaValidationError(path, `expected ${typeLabel(type)}, got ${shown(value)}`);
}

/** `value` (JSON) as avsc writes it for `type`; throws SchemaValidationError naming the field. */
function toAvro(type: avsc.Type, value: unknown, path: string): unknown {
  switch (type.typeName.replace(/^abstract:/, '')) {
    case 'null':
      return value === null ? null : fail(path, type, value);
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(path, type, value);
    case 'int':
      return Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX ? value : fail(path, type, value);
    case 'long':
      return toLong(value, path, type);
    case 'float':
    case 'double':
      return typeof value === 'number' ? value : fail(path, type, value);
    case 'string':
      return typeof value === 'string' ? value : fail(path, type, value);
    case 'bytes':
      return fromBase64(value) ?? fail(path, type, value);
    case 'fixed': {
      const bytes = fromBase64(value);
      const size = (type as avsc.types.FixedType).size;
      if (!bytes) return fail(path, type, value);
      if (bytes.length !== size) throw new SchemaValidationError(path, `expected ${size} bytes (base64) for ${typeLabel(type)}, got ${bytes.length}`);
      return bytes;
    }
    case 'enum': {
      const symbols = (type as avsc.types.EnumType).symbols;
      if (typeof value === 'string' && symbols.includes(value)) return value;
      throw new SchemaValidationError(path, `expected one of ${symbols.join(', ')} (${typeLabel(type)}), got ${shown(value)}`);
    }
    case 'array': {
      if (!Array.isArray(value)) return fail(path, type, value);
      const items = (type as avsc.types.ArrayType).itemsType;
      return value.map((item, i) => toAvro(items, item, `${path}[${i}]`));
    }
    case 'map': {
      if (!isJsonObject(value)) return fail(path, type, value);
      const values = (type as avsc.types.MapType).valuesType;
      // A null-prototype object: a key called "__proto__" is data, not the object's prototype.
      const out: Record<string, unknown> = Object.create(null);
      for (const [key, item] of Object.entries(value)) out[key] = toAvro(values, item, childPath(path, key));
      return out;
    }
    case 'record':
    case 'error':
      return toRecord(type as avsc.types.RecordType, value, path);
    case 'union:unwrapped':
      return toUnion(type as avsc.types.UnwrappedUnionType, value, path);
    default:
      throw new SchemaValidationError(path, `Avro type ${type.typeName} cannot be written from JSON`);
  }
}

/** An encoder for `schema` (throws when the schema cannot be read): JSON in, the Avro binary out. */
export function compileAvroEncoder(schema: ResolvedSchema): (json: unknown, path: string) => Uint8Array {
  const type = avroType(schema);
  return (json, path) => type.toBuffer(toAvro(type, json, path));
}
