/**
 * Encoders for producing with a registry schema, compiled once per schema: a record typed as JSON
 * in, the Confluent-framed bytes out (magic byte 0, the 4-byte schema id, then the payload, which
 * for Protobuf starts with the message indexes). A record that does not match its schema throws a
 * SchemaValidationError naming the field. Pure: the schemas come in resolved (client.ts).
 */
import { compileAvroEncoder } from './avro-encoder';
import { FORMAT_OF, type ResolvedSchema, type SchemaFormat } from './decoders';
import { compileJsonSchemaEncoder } from './json-schema-encoder';
import { compileProtobufEncoder } from './protobuf-encoder';

export { SchemaValidationError } from './encode-error';

export interface CompiledEncoder {
  format: SchemaFormat;
  /** The framed bytes for `json`; `path` names it in errors (`value`, `key`). */
  encode(json: unknown, path: string): Buffer;
}

/** Magic byte 0 and the schema id (4 bytes, big-endian) before the payload: the Confluent wire format. */
export function writeFrame(schemaId: number, payload: Uint8Array): Buffer {
  const out = Buffer.alloc(5 + payload.length);
  out.writeUInt32BE(schemaId, 1);
  out.set(payload, 5);
  return out;
}

/**
 * An encoder for records written with schema `schemaId`; `messageName` picks a Protobuf message
 * other than the file's first. Throws when the schema itself cannot be read.
 */
export function compileEncoder(schemaId: number, schema: ResolvedSchema, messageName?: string): CompiledEncoder {
  const payloadOf =
    schema.schemaType === 'PROTOBUF'
      ? compileProtobufEncoder(schema, messageName)
      : schema.schemaType === 'JSON'
        ? compileJsonSchemaEncoder(schema)
        : compileAvroEncoder(schema);
  return { format: FORMAT_OF[schema.schemaType], encode: (json, path) => writeFrame(schemaId, payloadOf(json, path)) };
}
