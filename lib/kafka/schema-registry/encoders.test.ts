import { describe, expect, it } from 'vitest';
import { compileDecoder, type ResolvedSchema } from './decoders';
import { compileEncoder, SchemaValidationError } from './encoders';
import { parseFrame } from './wire-format';

const avro = (schema: object, references: ResolvedSchema['references'] = []): ResolvedSchema => ({
  schemaType: 'AVRO',
  schema: JSON.stringify(schema),
  references,
});
const proto = (schema: string, references: ResolvedSchema['references'] = []): ResolvedSchema => ({ schemaType: 'PROTOBUF', schema, references });
const jsonSchema = (schema: object, references: ResolvedSchema['references'] = []): ResolvedSchema => ({
  schemaType: 'JSON',
  schema: JSON.stringify(schema),
  references,
});

/** Encodes with our encoder, decodes the frame with our decoder: what the tail would show. */
function roundTrip(schema: ResolvedSchema, value: unknown, message?: string) {
  const bytes = compileEncoder(42, schema, message).encode(value, 'value');
  const frame = parseFrame(bytes)!;
  expect(frame.schemaId).toBe(42);
  return JSON.parse(compileDecoder(schema).decode(frame.payload));
}

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SchemaValidationError) return error.message;
    throw error;
  }
  throw new Error('no validation error');
};

describe('Avro', () => {
  const order = {
    type: 'record',
    name: 'Order',
    namespace: 'shop',
    fields: [
      { name: 'id', type: 'string' },
      { name: 'status', type: 'int' },
      { name: 'cents', type: 'long' },
      { name: 'price', type: 'double' },
      { name: 'paid', type: 'boolean' },
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['WEB', 'SHOP'] } },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'Line',
            fields: [
              { name: 'sku', type: 'string' },
              { name: 'qty', type: 'int' },
            ],
          },
        },
      },
      { name: 'attrs', type: { type: 'map', values: 'string' } },
      { name: 'digest', type: { type: 'fixed', name: 'Digest', size: 4 } },
      { name: 'blob', type: 'bytes' },
      { name: 'customer', type: ['null', { type: 'record', name: 'Customer', fields: [{ name: 'name', type: 'string' }] }], default: null },
    ],
  };
  const value = {
    id: 'o-1',
    status: 3,
    cents: '9007199254740993',
    price: 12.5,
    paid: true,
    note: 'gift',
    kind: 'SHOP',
    lines: [
      { sku: 'A', qty: 2 },
      { sku: 'B', qty: 1 },
    ],
    attrs: { colour: 'red', size: 'L' },
    digest: Buffer.from([1, 2, 3, 4]).toString('base64'),
    blob: Buffer.from('hello').toString('base64'),
    customer: { name: 'Ada' },
  };
  const parsed = JSON.parse(JSON.stringify(value));

  it('round-trips through our decoder to the original object, longs beyond 2^53 included', () => {
    expect(roundTrip(avro(order), parsed)).toEqual(parsed);
  });

  it('writes a map key called __proto__ as data', () => {
    // JSON.parse keeps "__proto__" as an own key, as a request body would.
    const bytes = compileEncoder(1, avro({ type: 'map', values: 'string' })).encode(JSON.parse('{"__proto__":"kept","c":"r"}'), 'value');
    expect(bytes.subarray(5).toString('hex')).toBe('04125f5f70726f746f5f5f086b6570740263027200');
  });

  it('fills a missing field from its default', () => {
    const { note: _note, customer: _customer, ...rest } = parsed;
    expect(roundTrip(avro(order), rest)).toEqual({ ...rest, note: null, customer: null });
  });

  it('writes the bytes avsc writes for the same record (Confluent framing around it)', () => {
    const bytes = compileEncoder(
      7,
      avro({
        type: 'record',
        name: 'P',
        fields: [
          { name: 'n', type: 'int' },
          { name: 's', type: 'string' },
        ],
      }),
    ).encode({ n: -1, s: 'é' }, 'value');
    expect([...bytes]).toEqual([0, 0, 0, 0, 7, 0x01, 0x04, 0xc3, 0xa9]);
  });

  it.each([
    [{ status: 'x' }, 'value.status: expected int, got "x"'],
    [{ status: 2 ** 31 }, 'value.status: expected int, got 2147483648'],
    [{ cents: 1.5 }, 'value.cents: expected long, got 1.5'],
    [{ kind: 'MAIL' }, 'value.kind: expected one of WEB, SHOP (shop.Kind), got "MAIL"'],
    [
      {
        lines: [
          { sku: 'A', qty: 1 },
          { sku: 5, qty: 1 },
        ],
      },
      'value.lines[1].sku: expected string, got 5',
    ],
    [{ note: 5 }, 'value.note: expected null | string, got 5'],
    [{ customer: { name: 1 } }, 'value.customer.name: expected string, got 1'],
    [{ digest: Buffer.from([1]).toString('base64') }, 'value.digest: expected 4 bytes (base64) for shop.Digest, got 1'],
    [{ blob: 'not base64!' }, 'value.blob: expected bytes, got "not base64!"'],
    [{ extra: 1 }, 'value.extra: shop.Order has no such field'],
    [{ attrs: { 'a b': 1 } }, 'value.attrs["a b"]: expected string, got 1'],
  ])('refuses %j with the field path', (change, message) => {
    expect(problem(() => compileEncoder(1, avro(order)).encode({ ...parsed, ...change }, 'value'))).toBe(message);
  });

  it('names a missing required field, and a record that is not an object', () => {
    const { id: _id, ...withoutId } = parsed;
    expect(problem(() => compileEncoder(1, avro(order)).encode(withoutId, 'value'))).toBe('value.id: missing (expected string)');
    expect(problem(() => compileEncoder(1, avro(order)).encode('x', 'key'))).toBe('key: expected shop.Order, got "x"');
  });

  it('uses a named type from a referenced schema', () => {
    const money = { type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'units', type: 'long' }] };
    const schema = avro({ type: 'record', name: 'Invoice', namespace: 'shop', fields: [{ name: 'total', type: 'shop.Money' }] }, [
      { name: 'shop.Money', schema: avro(money) },
    ]);
    expect(roundTrip(schema, { total: { units: 99 } })).toEqual({ total: { units: 99 } });
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
  map<string, int32> stock = 6;
  bytes blob = 7;
  oneof contact { string email = 8; string phone = 9; }
  message Line { string sku = 1; uint32 quantity = 2; }
  enum Status { NEW = 0; PAID = 1; }
}
`;
  const schema = proto(order, [{ name: 'common/money.proto', schema: proto(common) }]);
  const value = {
    id: 'o-1',
    total: { currency: 'EUR', units: '9007199254740993' },
    lines: [{ sku: 'A', quantity: 2 }],
    placed: { seconds: '1700000000', nanos: 5 },
    status: 'PAID',
    stock: { A: 3, __proto__: 1 },
    blob: Buffer.from('hi').toString('base64'),
    email: 'a@b.c',
  };
  const parsed = JSON.parse(JSON.stringify(value).replace('"stock":{', '"stock":{"__proto__":1,'));

  it('round-trips a named message with an imported type, a well-known type, a map and a oneof', () => {
    expect(roundTrip(schema, parsed, 'shop.Order')).toEqual(parsed);
  });

  it('writes the message indexes Confluent writes: 0 for the first message, [1, 0] for a nested one', () => {
    const first = compileEncoder(3, schema).encode({ id: 'c-1' }, 'value');
    expect([...first.subarray(0, 6)]).toEqual([0, 0, 0, 0, 3, 0]);
    const line = compileEncoder(3, schema, 'shop.Order.Line').encode({ sku: 'B', quantity: 1 }, 'value');
    expect([...line.subarray(5, 8)]).toEqual([4, 2, 0]);
    expect(roundTrip(schema, { sku: 'B', quantity: 1 }, 'shop.Order.Line')).toEqual({ sku: 'B', quantity: 1 });
  });

  it.each([
    [{ status: 'LOST' }, 'value.status: expected one of NEW, PAID (Status), got "LOST"'],
    [{ lines: [{ sku: 'A', quantity: -1 }] }, 'value.lines[0].quantity: expected uint32, got -1'],
    [{ total: { units: 'x' } }, 'value.total.units: expected int64, got "x"'],
    [{ stock: { A: 'many' } }, 'value.stock.A: expected int32, got "many"'],
    [{ phone: '1' }, 'value: only one of email, phone may be set (email and phone are)'],
    [{ colour: 'red' }, 'value.colour: Order has no such field'],
    [{ blob: '%%' }, 'value.blob: expected bytes (base64), got "%%"'],
  ])('refuses %j with the field path', (change, message) => {
    expect(problem(() => compileEncoder(1, schema, 'shop.Order').encode({ ...parsed, ...change }, 'value'))).toBe(message);
  });

  it('refuses a message the schema does not declare', () => {
    expect(problem(() => compileEncoder(1, schema, 'shop.Nope'))).toMatch(/no message shop\.Nope \(it has shop\.Customer, shop\.Order\)/);
  });
});

describe('JSON Schema', () => {
  const schema = jsonSchema({
    type: 'object',
    additionalProperties: false,
    required: ['user'],
    properties: {
      user: { type: 'string' },
      age: { type: 'integer' },
      email: { type: 'string', format: 'email' },
      tags: { type: 'array', items: { type: 'string' } },
    },
  });

  it('writes the JSON text, and round-trips', () => {
    const bytes = compileEncoder(9, schema).encode({ user: 'ada', tags: ['x'] }, 'value');
    expect(bytes.subarray(5).toString()).toBe('{"user":"ada","tags":["x"]}');
    expect(roundTrip(schema, { user: 'ada', age: 36, tags: ['x', 'y'] })).toEqual({ user: 'ada', age: 36, tags: ['x', 'y'] });
  });

  it.each([
    [{ user: 'a', age: 'x' }, 'value.age: must be integer'],
    [{ user: 'a', tags: ['ok', 3] }, 'value.tags[1]: must be string'],
    [{ age: 3 }, "value: must have required property 'user'"],
    [{ user: 'a', nick: 'b' }, 'value: must NOT have additional properties (nick)'],
    [{ user: 'a', email: 'nope' }, 'value.email: must match format "email"'],
  ])('refuses %j with the field path', (record, message) => {
    expect(problem(() => compileEncoder(1, schema).encode(record, 'value'))).toBe(message);
  });

  it('follows the draft named by $schema and a $ref to a referenced schema', () => {
    const address = jsonSchema({ $id: 'address.json', type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
    const person = jsonSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { home: { $ref: 'address.json' } } }, [
      { name: 'address.json', schema: address },
    ]);
    expect(roundTrip(person, { home: { city: 'Paris' } })).toEqual({ home: { city: 'Paris' } });
    expect(problem(() => compileEncoder(1, person).encode({ home: { city: 1 } }, 'value'))).toBe('value.home.city: must be string');
  });
});
