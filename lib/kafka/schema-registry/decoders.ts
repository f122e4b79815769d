/**
 * Decoders for registry-framed payloads, compiled once per schema: Avro (avsc), Protobuf (protobufjs,
 * message indexes and imports given as references) and JSON Schema. Each turns a payload into JSON
 * text. Pure: the schemas come in resolved, with their references (lib/kafka/schema-registry/client.ts).
 */
import avsc from 'avsc';
import protobuf from 'protobufjs';
import { readMessageIndexes } from './wire-format';

export type SchemaFormat = 'avro' | 'protobuf' | 'json-schema';
/** The registry's schemaType; absent means AVRO, as in Confluent's API. */
export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A schema with the schemas it references (Avro named types, Protobuf imports), resolved. */
export interface ResolvedSchema {
  schemaType: SchemaType;
  schema: string;
  /** `name` is how the schema refers to it: the Avro full name or the Protobuf import path. */
  references: { name: string; schema: ResolvedSchema }[];
}

export interface CompiledDecoder {
  format: SchemaFormat;
  /** The payload (after the 5-byte header) as JSON text; throws when it does not match the schema. */
  decode(payload: Uint8Array): string;
}

export const FORMAT_OF: Record<SchemaType, SchemaFormat> = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'json-schema' };

/**
 * JSON for what the decoders return: bytes as base64 (as Protobuf's JSON mapping has them), a long
 * beyond 2^53 as a string so no digit is lost.
 */
function toJson(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, converted) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return raw.toString('base64');
    if (typeof raw === 'bigint') return raw.toString();
    return converted;
  });
}

/** Avro longs as numbers when they fit a double exactly, else as BigInt (then a string in the JSON). */
const exactLong = avsc.types.LongType.__with({
  fromBuffer: (buf: Buffer) => {
    const n = buf.readBigInt64LE(0);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  },
  toBuffer: (n: number | bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (n: number) => n,
  toJSON: (n: number | bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'number' || typeof n === 'bigint',
  compare: (a: number | bigint, b: number | bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

interface Tap {
  readLong(): number;
  skipLong(): void;
  readString(): string;
}

/** avsc's map type as a class to extend (its typings leave out the constructor and the reader). */
const MapType = avsc.types.MapType as unknown as new (
  schema: avsc.schema.MapType,
  opts: Partial<avsc.ForSchemaOptions>,
) => avsc.Type & { valuesType: { _read(tap: Tap): unknown } };

/**
 * An Avro map read into an object without a prototype: avsc's own reads keys into `{}`, where a
 * key called `__proto__` (map keys are message data) replaced the prototype and vanished from the JSON.
 */
class NullPrototypeMapType extends MapType {
  _read(tap: Tap): Record<string, unknown> {
    const map: Record<string, unknown> = Object.create(null);
    for (let n = tap.readLong(); n !== 0; n = tap.readLong()) {
      if (n < 0) tap.skipLong(); // a block with its size in bytes
      for (let i = Math.abs(n); i > 0; i--) {
        const key = tap.readString();
        map[key] = this.valuesType._read(tap);
      }
    }
    return map;
  }
}

/** Every schema reachable through references, dependencies before the schemas that use them. */
export function dependencyOrder(schema: ResolvedSchema): { name: string; schema: ResolvedSchema }[] {
  const seen = new Set<string>();
  const order: { name: string; schema: ResolvedSchema }[] = [];
  const visit = (s: ResolvedSchema) => {
    for (const ref of s.references) {
      if (seen.has(ref.name)) continue;
      seen.add(ref.name);
      visit(ref.schema);
      order.push(ref);
    }
  };
  visit(schema);
  return order;
}

/** The avsc type of an Avro schema with its references, as both the decoder and the encoder read it. */
export function avroType(schema: ResolvedSchema): avsc.Type {
  const registry: Record<string, avsc.Type> = Object.create(null);
  const isLong = (s: unknown) => s === 'long' || (typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'long' && !('logicalType' in s));
  // Unions as plain values, as the producer's objects were (Confluent's JSON would wrap them).
  const isMap = (s: unknown) => typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'map';
  const options: Partial<avsc.ForSchemaOptions> = {
    registry,
    wrapUnions: false,
    typeHook: (s, opts) => (isLong(s) ? exactLong : isMap(s) ? new NullPrototypeMapType(s as avsc.schema.MapType, opts) : undefined),
  };
  for (const ref of dependencyOrder(schema)) avsc.Type.forSchema(JSON.parse(ref.schema.schema), options);
  return avsc.Type.forSchema(JSON.parse(schema.schema), options);
}

/** The parts of an Avro type its values are made of (avsc's own properties for each kind). */
type AvroParts = { fields?: { type: avsc.Type }[]; itemsType?: avsc.Type; valuesType?: avsc.Type; types?: avsc.Type[]; underlyingType?: avsc.Type };

/** Whether values of `type` may hold bytes or fixed anywhere (avsc decodes them as Buffers). */
function holdsBytes(type: avsc.Type, seen = new Set<avsc.Type>()): boolean {
  if (type.typeName === 'bytes' || type.typeName === 'fixed') return true;
  if (seen.has(type)) return false; // a recursive record
  seen.add(type);
  const { fields = [], itemsType, valuesType, types = [], underlyingType } = type as unknown as AvroParts;
  const parts = [...fields.map((f) => f.type), itemsType, valuesType, ...types, underlyingType];
  return parts.some((part) => part !== undefined && holdsBytes(part, seen));
}

function compileAvro(schema: ResolvedSchema): CompiledDecoder {
  const type = avroType(schema);
  // toJson's replacer costs a call per field (a third of an Avro tail's time). Without bytes or fixed
  // in the schema only a long past 2^53 needs it: JSON.stringify throws on its BigInt, and the
  // replacer is then used from that record on.
  let plain = !holdsBytes(type);
  const decode = (payload: Uint8Array) => {
    const value = type.fromBuffer(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    if (plain) {
      try {
        return JSON.stringify(value);
      } catch {
        plain = false;
      }
    }
    return toJson(value);
  };
  return { format: 'avro', decode };
}

/** The message types a .proto file declares, in order, as Confluent's message indexes count them. */
export function messageTypes(ns: protobuf.NamespaceBase): protobuf.Type[] {
  return ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
}

/**
 * A Protobuf schema loaded with its imports: the root to look types up in, and the scope of the
 * schema's own file, where Confluent's message indexes start counting.
 */
export function loadProtobuf(schema: ResolvedSchema): { root: protobuf.Root; ownScope: protobuf.NamespaceBase } {
  // The file alone, to find which types it declares and in what order (imports may share its package).
  const own = protobuf.parse(schema.schema, new protobuf.Root(), { keepCase: true });
  const ownScope = own.package ? own.root.lookup(own.package) : own.root;
  if (!(ownScope instanceof protobuf.Namespace) && !(ownScope instanceof protobuf.Root)) throw new Error('the schema declares no messages');
  const root = new protobuf.Root();
  const loaded = new Set<string>();
  const load = (name: string, text: string) => {
    const parsed = protobuf.parse(text, root, { keepCase: true });
    loaded.add(name);
    // Google's well-known types may be imported without a reference: protobufjs ships them.
    for (const imported of parsed.imports ?? []) {
      const common = protobuf.common.get(imported);
      if (common && !loaded.has(imported)) {
        root.addJSON(common.nested ?? {});
        loaded.add(imported);
      }
    }
  };
  for (const ref of dependencyOrder(schema)) {
    if (!loaded.has(ref.name)) load(ref.name, ref.schema.schema);
  }
  load('', schema.schema);
  root.resolveAll();
  return { root, ownScope: ownScope as protobuf.NamespaceBase };
}

function compileProtobuf(schema: ResolvedSchema): CompiledDecoder {
  const { root, ownScope } = loadProtobuf(schema);
  const typeAt = (indexes: number[]): protobuf.Type => {
    let scope: protobuf.NamespaceBase = ownScope;
    let type: protobuf.Type | undefined;
    for (const index of indexes) {
      type = messageTypes(scope)[index];
      if (!type) throw new Error(`the schema has no message at index ${indexes.join('.')}`);
      scope = type;
    }
    return root.lookupType(type!.fullName);
  };
  const toObject = (type: protobuf.Type, bytes: Uint8Array) =>
    toJson(type.toObject(type.decode(bytes), { longs: String, enums: String, bytes: String, json: true }));
  return {
    format: 'protobuf',
    decode: (payload) => {
      const { indexes, message } = readMessageIndexes(payload);
      return toObject(typeAt(indexes), message);
    },
  };
}

function compileJsonSchema(): CompiledDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // The payload is the JSON document itself; it is checked to be JSON, not validated against the schema.
  return { format: 'json-schema', decode: (payload) => JSON.stringify(JSON.parse(utf8.decode(payload))) };
}

/** A decoder for payloads written with `schema`; throws when the schema itself cannot be read. */
export function compileDecoder(schema: ResolvedSchema): CompiledDecoder {
  if (schema.schemaType === 'PROTOBUF') return compileProtobuf(schema);
  if (schema.schemaType === 'JSON') return compileJsonSchema();
  return compileAvro(schema);
}
