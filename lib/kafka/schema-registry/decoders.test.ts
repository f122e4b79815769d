import avsc from 'avsc';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { compileDecoder, type ResolvedSchema } from './decoders';
import { writeMessageIndexes } from './wire-format';

const avro = (schema: avsc.Schema, references: ResolvedSchema['references'] = []): ResolvedSchema => ({
  schemaType: 'AVRO',
  schema: JSON.stringify(schema),
  references,
});
const proto = (schema: string, references: ResolvedSchema['references'] = []): ResolvedSchema => ({ schemaType: 'PROTOBUF', schema, references });

/** A long as the zigzag varint Avro writes, built by hand: avsc's default long type cannot write one past 2^53. */
const zigzag = (n: bigint) => {
  let v = (n << 1n) ^ (n >> 63n);
  const out: number[] = [];
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
};

describe('Avro', () => {
  const point = {
    type: 'record',
    name: 'Point',
    namespace: 'geo',
    fields: [
      { name: 'x', type: 'int' },
      { name: 'y', type: 'int' },
    ],
  } as avsc.Schema;
  const place: avsc.Schema = {
    type: 'record',
    name: 'Place',
    namespace: 'geo',
    fields: [
      { name: 'name', type: 'string' },
      { name: 'at', type: 'geo.Point' },
      { name: 'population', type: 'long' },
      { name: 'photo', type: 'bytes' },
      { name: 'note', type: ['null', 'string'], default: null },
    ],
  } as avsc.Schema;

  it("decodes a record whose field type is another subject's schema (a reference), to JSON", () => {
    const writer = avsc.Type.forSchema(place, { registry: { 'geo.Point': avsc.Type.forSchema(point) } });
    const value = { name: 'Lyon', at: { x: 4, y: 45 }, population: 522_250, photo: Buffer.from([1, 2, 255]), note: 'fr' };
    const decoder = compileDecoder(avro(place, [{ name: 'geo.Point', schema: avro(point) }]));
    expect(decoder.format).toBe('avro');
    expect(JSON.parse(decoder.decode(writer.toBuffer(value)))).toEqual({ ...value, photo: 'AQL/' });
  });

  it('keeps every digit of a long beyond 2^53 (as a string) and a null union as null', () => {
    const schema = {
      type: 'record',
      name: 'Big',
      fields: [
        { name: 'n', type: 'long' },
        { name: 'm', type: { type: 'long' } },
        { name: 'note', type: ['null', 'string'] },
      ],
    } as avsc.Schema;
    const bytes = Uint8Array.from([...zigzag(2n ** 62n + 1n), ...zigzag(-7n), 0]); // 2^62 + 1, -7, the union's null
    expect(compileDecoder(avro(schema)).decode(bytes)).toBe('{"n":"4611686018427387905","m":-7,"note":null}');
  });

  it("writes the same JSON without toJson's replacer (no bytes in the schema) as with it", () => {
    const fields = [
      { name: 'id', type: 'long' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
      { name: 'tags', type: { type: 'map', values: { type: 'array', items: 'double' } } },
      { name: 'at', type: ['null', { type: 'record', name: 'At', fields: [{ name: 'x', type: 'float' }] }] },
      { name: 'text', type: 'string' },
    ];
    const plain = { type: 'record', name: 'R', fields } as avsc.Schema;
    // A field called "bytes" makes the schema look as if it held bytes: that decoder uses the replacer.
    const replaced = { type: 'record', name: 'R', fields: [...fields, { name: 'bytes', type: 'int' }] } as avsc.Schema;
    const values = [1, 2 ** 40, 3].map((id, i) => ({
      id,
      kind: i % 2 ? 'B' : 'A',
      tags: { ['__proto__']: [1.5, -0], z: [] },
      at: i ? { x: 0.5 } : null,
      text: 'é "q" \\',
    }));
    for (const value of values) {
      const viaPlain = compileDecoder(avro(plain)).decode(avsc.Type.forSchema(plain).toBuffer(value));
      const viaReplacer = compileDecoder(avro(replaced)).decode(avsc.Type.forSchema(replaced).toBuffer({ ...value, bytes: 7 }));
      expect(viaPlain).toBe(viaReplacer.replace(',"bytes":7}', '}'));
    }
  });

  it('writes bytes and fixed as base64 wherever the schema has them: in unions, arrays, maps, logical types and referenced types', () => {
    const hash = { type: 'fixed', name: 'Hash', namespace: 'h', size: 2 } as avsc.Schema;
    const schema = {
      type: 'record',
      name: 'Deep',
      fields: [
        { name: 'bytes', type: 'long' }, // a field called "bytes" holds none
        { name: 'maybe', type: ['null', 'bytes'] },
        { name: 'list', type: { type: 'array', items: { type: 'map', values: 'h.Hash' } } },
        { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 } },
      ],
    } as avsc.Schema;
    const writer = avsc.Type.forSchema(schema, { registry: { 'h.Hash': avsc.Type.forSchema(hash) } });
    const value = { bytes: 5, maybe: Buffer.from([1]), list: [{ a: Buffer.from([2, 3]) }], price: Buffer.from([4]) };
    const decoded = compileDecoder(avro(schema, [{ name: 'h.Hash', schema: avro(hash) }])).decode(writer.toBuffer(value));
    expect(JSON.parse(decoded)).toEqual({ bytes: 5, maybe: 'AQ==', list: [{ a: 'AgM=' }], price: 'BA==' });
  });

  it('keeps a long past 2^53 and the records after it right without the replacer', () => {
    const schema = { type: 'record', name: 'N', fields: [{ name: 'n', type: 'long' }] } as avsc.Schema;
    const decoder = compileDecoder(avro(schema));
    expect([1n, 2n ** 62n + 1n, 3n].map((n) => decoder.decode(zigzag(n)))).toEqual(['{"n":1}', '{"n":"4611686018427387905"}', '{"n":3}']);
  });

  it('throws on a payload that does not match the schema', () => {
    expect(() => compileDecoder(avro(point)).decode(Uint8Array.of(2))).toThrow();
  });

  it('keeps every map key, __proto__ and constructor too, in order, in nested maps as well', () => {
    const schema = { type: 'record', name: 'Tags', fields: [{ name: 'tags', type: { type: 'map', values: { type: 'map', values: 'int' } } }] } as avsc.Schema;
    const tags = JSON.parse('{"__proto__":{"__proto__":1,"b":2},"constructor":{"x":3}}');
    const bytes = avsc.Type.forSchema(schema).toBuffer({ tags });
    expect(compileDecoder(avro(schema)).decode(bytes)).toBe('{"tags":{"__proto__":{"__proto__":1,"b":2},"constructor":{"x":3}}}');
  });

  it('reads map blocks written with their byte size (negative counts), as Java writers may', () => {
    const schema = { type: 'map', values: 'string' } as avsc.Schema;
    // One block of -1 entries (1 entry, size 6 bytes follows), then the end: zigzag(-1)=1, zigzag(6)=12.
    const bytes = Buffer.from([0x01, 0x0c, 0x02, 0x6b, 0x06, 0x76, 0x61, 0x6c, 0x00]);
    expect(compileDecoder(avro(schema)).decode(bytes)).toBe('{"k":"val"}');
  });
});

describe('Protobuf', () => {
  const common = 'syntax = "proto3";\npackage shop.common;\nmessage Money { string currency = 1; int64 units = 2; }\n';
  const order = `syntax = "proto3";
package shop;
import "common/money.proto";
import "google/protobuf/timestamp.proto";
message Customer { string id = 1; }
message Order {
  string id = 1;
  shop.common.Money total = 2;
  repeated Line lines = 3;
  google.protobuf.Timestamp placed = 4;
  Status status = 5;
  message Line { string sku = 1; uint32 quantity = 2; }
  enum Status { NEW = 0; PAID = 1; }
}
`;
  const schema = proto(order, [{ name: 'common/money.proto', schema: proto(common) }]);
  const root = new protobuf.Root();
  protobuf.parse(common, root, { keepCase: true });
  root.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!);
  protobuf.parse(order, root, { keepCase: true });
  const frame = (indexes: number[], bytes: Uint8Array) => Uint8Array.from([...writeMessageIndexes(indexes), ...bytes]);

  it('decodes the message the indexes name, with an imported type and a well-known type', () => {
    const Order = root.lookupType('shop.Order');
    const value = {
      id: 'o-1',
      total: { currency: 'EUR', units: '1250' },
      lines: [{ sku: 'A', quantity: 2 }],
      placed: { seconds: '1700000000', nanos: 5 },
      status: 'PAID',
    };
    const bytes = Order.encode(Order.fromObject(value)).finish();
    expect(JSON.parse(compileDecoder(schema).decode(frame([1], bytes)))).toEqual(value);
  });

  it('takes the single 0 byte as the first message, and [1, 0] as the first type nested in the second', () => {
    const Customer = root.lookupType('shop.Customer');
    const Line = root.lookupType('shop.Order.Line');
    const decoder = compileDecoder(schema);
    expect(JSON.parse(decoder.decode(frame([0], Customer.encode({ id: 'c-9' }).finish())))).toEqual({ id: 'c-9' });
    expect(JSON.parse(decoder.decode(frame([1, 0], Line.encode({ sku: 'B', quantity: 3 }).finish())))).toEqual({ sku: 'B', quantity: 3 });
  });

  it('refuses indexes the schema does not have', () => {
    expect(() => compileDecoder(schema).decode(frame([5], Uint8Array.of()))).toThrow(/no message at index 5/);
  });
});

describe('JSON Schema', () => {
  it('passes the JSON document on, and refuses bytes that are not JSON', () => {
    const decoder = compileDecoder({ schemaType: 'JSON', schema: '{"type":"object"}', references: [] });
    expect(decoder.format).toBe('json-schema');
    expect(decoder.decode(new TextEncoder().encode('{ "a": [1, 2] }'))).toBe('{"a":[1,2]}');
    expect(() => decoder.decode(new TextEncoder().encode('{ nope'))).toThrow();
  });
});
