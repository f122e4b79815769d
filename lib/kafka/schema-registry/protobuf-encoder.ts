/**
 * Protobuf messages typed as JSON, checked against the message type field by field, then written
 * with protobufjs behind the Confluent message-index list. The JSON is what the decoder shows (field
 * names as in the .proto, enums by name, 64-bit integers as strings or numbers, bytes as base64).
 * Pure.
 */
import protobuf from 'protobufjs';
import { loadProtobuf, messageTypes, type ResolvedSchema } from './decoders';
import { childPath, fromBase64, isJsonObject, SchemaValidationError, shown } from './encode-error';
import { writeMessageIndexes } from './wire-format';

const RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

/** An integer as a number, or a string of digits (as Protobuf's JSON mapping writes 64-bit ones), within range. */
function checkInteger(kind: string, value: unknown, path: string): unknown {
  const [min, max] = RANGES[kind];
  const asBig =
    typeof value === 'number' && Number.isSafeInteger(value)
      ? BigInt(value)
      : typeof value === 'string' && /^-?[0-9]{1,20}$/.test(value)
        ? BigInt(value)
        : null;
  if (asBig === null || asBig < min || asBig > max) throw new SchemaValidationError(path, `expected ${kind}, got ${shown(value)}`);
  return value;
}

function checkScalar(kind: string, value: unknown, path: string): unknown {
  if (kind in RANGES) return checkInteger(kind, value, path);
  const ok =
    kind === 'double' || kind === 'float'
      ? typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity'
      : kind === 'bool'
        ? typeof value === 'boolean'
        : kind === 'string'
          ? typeof value === 'string'
          : kind === 'bytes'
            ? fromBase64(value) !== null
            : false;
  if (!ok) throw new SchemaValidationError(path, `expected ${kind === 'bytes' ? 'bytes (base64)' : kind}, got ${shown(value)}`);
  return value;
}

/** One value of `field` (an element, for repeated fields). */
function checkValue(field: protobuf.Field, value: unknown, path: string): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    if (typeof value === 'string' && Object.hasOwn(resolved.values, value)) return value;
    if (Number.isInteger(value) && Math.abs(value as number) < 2 ** 31) return value;
    throw new SchemaValidationError(path, `expected one of ${Object.keys(resolved.values).join(', ')} (${resolved.name}), got ${shown(value)}`);
  }
  if (resolved instanceof protobuf.Type) return checkMessage(resolved, value, path);
  return checkScalar(field.type, value, path);
}

function checkField(field: protobuf.Field, value: unknown, path: string): unknown {
  if (field.map) {
    if (!isJsonObject(value)) throw new SchemaValidationError(path, `expected a map (an object), got ${shown(value)}`);
    const keyType = (field as unknown as protobuf.MapField).keyType;
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) {
      const keyPath = childPath(path, key);
      if (keyType === 'bool' && key !== 'true' && key !== 'false') throw new SchemaValidationError(keyPath, `expected a bool key, got ${shown(key)}`);
      if (keyType in RANGES) checkInteger(keyType, key, keyPath);
      out[key] = checkValue(field, item, keyPath);
    }
    return out;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) throw new SchemaValidationError(path, `expected a list of ${field.type}, got ${shown(value)}`);
    return value.map((item, i) => checkValue(field, item, `${path}[${i}]`));
  }
  return checkValue(field, value, path);
}

/** The JSON object checked against `type`: no unknown field, every value of its field's type, one member per oneof. */
function checkMessage(type: protobuf.Type, value: unknown, path: string): Record<string, unknown> {
  if (!isJsonObject(value)) throw new SchemaValidationError(path, `expected ${type.name} (an object), got ${shown(value)}`);
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key];
    if (!field) throw new SchemaValidationError(childPath(path, key), `${type.name} has no such field`);
    if (item === null) continue; // JSON null: the field's default, as Protobuf's JSON mapping reads it
    out[key] = checkField(field, item, childPath(path, key));
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.oneof.filter((name) => name in out);
    if (set.length > 1) throw new SchemaValidationError(path, `only one of ${oneof.oneof.join(', ')} may be set (${set.join(' and ')} are)`);
  }
  return out;
}

/** The message indexes of the type called `name` in the schema's own file (Confluent's counting), or null. */
function indexesOf(scope: protobuf.NamespaceBase, name: string): number[] | null {
  const types = messageTypes(scope);
  for (let i = 0; i < types.length; i++) {
    if (types[i].fullName === name) return [i];
    const nested = indexesOf(types[i], name);
    if (nested) return [i, ...nested];
  }
  return null;
}

/**
 * An encoder for one message type of `schema`: `messageName` (full name, e.g. `shop.Order`), or the
 * first message of the file as Confluent's serializer takes by default. Throws when the schema
 * cannot be read or has no such message.
 */
export function compileProtobufEncoder(schema: ResolvedSchema, messageName?: string): (json: unknown, path: string) => Uint8Array {
  const { root, ownScope } = loadProtobuf(schema);
  const first = messageTypes(ownScope)[0];
  if (!first) throw new Error('the schema declares no messages');
  const wanted = messageName ? `.${messageName.replace(/^\./, '')}` : first.fullName;
  const indexes = indexesOf(ownScope, wanted);
  if (!indexes)
    throw new SchemaValidationError(
      'schema.message',
      `the schema has no message ${wanted.slice(1)} (it has ${messageTypes(ownScope)
        .map((t) => t.fullName.slice(1))
        .join(', ')})`,
    );
  const type = root.lookupType(wanted);
  const header = writeMessageIndexes(indexes);
  return (json, path) => {
    const message = type.encode(type.fromObject(checkMessage(type, json, path))).finish();
    const out = new Uint8Array(header.length + message.length);
    out.set(header);
    out.set(message, header.length);
    return out;
  };
}
