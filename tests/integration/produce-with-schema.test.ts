// Producing with a registry schema through POST …/messages, against the local cluster and the real
// local schema registry (Apicurio's Confluent API): records typed as JSON are encoded (Avro,
// Protobuf with an import, JSON Schema), framed, and read back by the tail as the objects they were;
// a record that does not match its schema, or a registry that is down, writes nothing.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { WireMessage } from '@/lib/types/messages';
import { call } from '../support/api';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders } from '../support/topics';

const REGISTRY_URL = 'http://127.0.0.1:18081/apis/ccompat/v7';
const run = Date.now();
const topic = `it-produce-schema-${run}`;
const subject = (name: string) => `it-produce-schema-${run}-${name}`;
const kafka = new Kafka({ clientId: 'produce-schema-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const registry = new SchemaRegistry({ host: REGISTRY_URL });
const subjects: string[] = [];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let produceRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
let streamRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route');
let schemasRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/schemas/route');

const produce = (messages: unknown[], cluster = 'local') => call(produceRoute.POST, { cluster, topic }, { method: 'POST', body: { messages } });
const tail = async (query = '') =>
  (
    await readSse(
      await (streamRoute.GET as Handler)(new Request(`http://localhost/api?from=earliest&live=false${query}`), {
        params: Promise.resolve({ cluster: 'local', topic }),
      }),
    )
  ).messages;
const endOffset = async () => Number((await admin.fetchTopicOffsets(topic))[0].high);
const at = (messages: WireMessage[], offset: number) => messages.find((m) => m.offset === offset)!;

const avroSchema = {
  type: 'record',
  name: 'Payment',
  namespace: 'it.produce',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'cents', type: 'long' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
    { name: 'memo', type: ['null', 'string'], default: null },
    { name: 'tags', type: { type: 'array', items: 'string' } },
  ],
};
const moneyProto = 'syntax = "proto3";\npackage it.money;\nmessage Money { string currency = 1; int64 units = 2; }\n';
const orderProto = `syntax = "proto3";
package it.orders;
import "it/money.proto";
message Customer { string id = 1; }
message Order { string id = 1; it.money.Money total = 2; repeated string skus = 3; }
`;
const jsonSchema = { type: 'object', properties: { user: { type: 'string' }, age: { type: 'integer' } }, required: ['user'], additionalProperties: false };

const payment = { id: 'p-1', amount: 12.5, cents: 1250, status: 'PAID', memo: 'coffee', tags: ['a', 'b'] };
const order = { id: 'o-7', total: { currency: 'EUR', units: '9007199254740993' }, skus: ['A-1', 'B-2'] };
const user = { user: 'ada', age: 36 };
const ids: Record<string, number> = {};

async function register(name: string, schema: Parameters<SchemaRegistry['register']>[0]) {
  subjects.unshift(name); // deleted in reverse: a referenced subject after the one using it
  return (await registry.register(schema, { subject: name })).id;
}

beforeAll(async () => {
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'local', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url: REGISTRY_URL } },
      // The same cluster with a registry nobody answers at: what a registry outage looks like.
      { name: 'registry-down', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url: 'http://127.0.0.1:9/apis/ccompat/v7' } },
      { name: 'no-registry', brokers: LOCAL_BOOTSTRAP },
    ]),
  );
  produceRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
  streamRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route');
  schemasRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/schemas/route');
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
  ids.avro = await register(`${topic}-value`, { type: SchemaType.AVRO, schema: JSON.stringify(avroSchema) });
  ids.money = await register(subject('money'), { type: SchemaType.PROTOBUF, schema: moneyProto });
  ids.order = await register(subject('order'), {
    type: SchemaType.PROTOBUF,
    schema: orderProto,
    references: [{ name: 'it/money.proto', subject: subject('money'), version: 1 }],
  });
  ids.json = await register(subject('json'), { type: SchemaType.JSON, schema: JSON.stringify(jsonSchema) });
}, 60_000);

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  for (const name of subjects) {
    for (const permanent of ['', '?permanent=true']) await fetch(`${REGISTRY_URL}/subjects/${encodeURIComponent(name)}${permanent}`, { method: 'DELETE' });
  }
  vi.unstubAllEnvs();
});

describe('producing with a registry schema', () => {
  it('encodes Avro (the topic subject, latest version), Protobuf with an import and JSON Schema; the tail reads back the objects with their schema ids', async () => {
    const produced = await produce([
      { key: 'avro', value: { schema: { subject: `${topic}-value` }, json: payment } },
      { key: 'proto', value: { schema: { subject: subject('order'), version: 1, message: 'it.orders.Order' }, json: order } },
      { key: { schema: { id: ids.json }, json: { user: 'key-user' } }, value: { schema: { subject: subject('json'), version: 'latest' }, json: user } },
    ]);
    expect(produced).toMatchObject({ status: 200, body: { written: 3 } });
    const messages = await tail();
    expect(messages).toHaveLength(3);
    expect(JSON.parse(at(messages, 0).value!)).toEqual(payment);
    expect(at(messages, 0)).toMatchObject({
      key: 'avro',
      format: { value: 'avro' },
      schemaId: { value: ids.avro },
      schema: { value: { subject: `${topic}-value`, version: 1 } },
    });
    expect(JSON.parse(at(messages, 1).value!)).toEqual(order);
    expect(at(messages, 1)).toMatchObject({ format: { value: 'protobuf' }, schemaId: { value: ids.order } });
    expect(JSON.parse(at(messages, 2).value!)).toEqual(user);
    expect(JSON.parse(at(messages, 2).key!)).toEqual({ user: 'key-user' });
    expect(at(messages, 2)).toMatchObject({ format: { key: 'json-schema', value: 'json-schema' }, schemaId: { key: ids.json, value: ids.json } });
  });

  it('writes an Avro and a JSON Schema record byte for byte as @kafkajs/confluent-schema-registry encodes them', async () => {
    const before = await endOffset();
    await produce([{ value: { schema: { id: ids.avro }, json: payment } }, { value: { schema: { id: ids.json }, json: user } }]);
    const raw = await tail('&decode=base64');
    expect(Buffer.from(at(raw, before).value!, 'base64')).toEqual(await registry.encode(ids.avro, payment));
    expect(Buffer.from(at(raw, before + 1).value!, 'base64')).toEqual(await registry.encode(ids.json, user));
  });

  it('refuses a record that does not match its schema with 400 naming the field, and writes nothing (the others in the request neither)', async () => {
    const before = await endOffset();
    const bad = await produce([
      { value: { schema: { subject: `${topic}-value` }, json: payment } },
      { value: { schema: { subject: `${topic}-value` }, json: { ...payment, cents: 'x' } } },
    ]);
    expect(bad).toEqual({ status: 400, body: { error: { code: 'SCHEMA_VALIDATION', message: 'message 2: value.cents: expected long, got "x"' } } });
    const one = await produce([{ value: { schema: { subject: subject('order'), message: 'it.orders.Order' }, json: { ...order, total: { currency: 1 } } } }]);
    expect(one).toEqual({ status: 400, body: { error: { code: 'SCHEMA_VALIDATION', message: 'value.total.currency: expected string, got 1' } } });
    const json = await produce([{ value: { schema: { id: ids.json }, json: { age: 3 } } }]);
    expect(json.body.error.message).toBe("value: must have required property 'user'");
    expect(await endOffset()).toBe(before);
  });

  it('answers 404 for a subject the registry does not have, 400 without a registry, 503 when the registry is down; nothing written', async () => {
    const before = await endOffset();
    const missing = await produce([{ value: { schema: { subject: subject('nope') }, json: {} } }]);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('SCHEMA_NOT_FOUND');
    expect((await produce([{ value: { schema: { id: ids.avro }, json: payment } }], 'no-registry')).body.error.code).toBe('NO_SCHEMA_REGISTRY');
    const down = await produce([{ value: { schema: { subject: `${topic}-value` }, json: payment } }], 'registry-down');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('SCHEMA_REGISTRY_UNAVAILABLE');
    expect(await endOffset()).toBe(before);
  });

  it('lists the subjects for the produce form, with the topic value subject found by its name', async () => {
    const listed = await call(schemasRoute.GET, { cluster: 'local', topic });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ configured: true, valueSubject: `${topic}-value`, keySubject: null });
    expect(listed.body.subjects).toEqual(expect.arrayContaining([`${topic}-value`, subject('order'), subject('json')]));
    expect((await call(schemasRoute.GET, { cluster: 'no-registry', topic })).body).toEqual({
      configured: false,
      subjects: [],
      valueSubject: null,
      keySubject: null,
    });
    expect((await call(schemasRoute.GET, { cluster: 'registry-down', topic })).status).toBe(503);
  });
});
