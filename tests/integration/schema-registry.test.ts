// Registry-framed messages (Confluent wire format) through the stream, against the local cluster and
// the real local schema registry (`cluster:start -- --schema-registry`, Apicurio's Confluent API):
// records written by a real serializer come back as the objects they were made from.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { writeMessageIndexes } from '@/lib/kafka/schema-registry/wire-format';
import type { WireMessage } from '@/lib/types/messages';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders } from '../support/topics';

const REGISTRY_URL = 'http://127.0.0.1:18081/apis/ccompat/v7';
const run = Date.now();
const topic = `it-schemas-${run}`;
const subject = (name: string) => `it-schemas-${run}-${name}`;
const kafka = new Kafka({ clientId: 'schema-registry-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ allowAutoTopicCreation: false });
const registry = new SchemaRegistry({ host: REGISTRY_URL });
const subjects: string[] = [];

let streamRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route');
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tail = async (cluster = 'local', query = '') =>
  (
    await readSse(
      await (streamRoute.GET as Handler)(new Request(`http://localhost/api?from=earliest&live=false${query}`), { params: Promise.resolve({ cluster, topic }) }),
    )
  ).messages;

const avroSchema = {
  type: 'record',
  name: 'Payment',
  namespace: 'it.schemas',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'cents', type: 'long' },
    { name: 'memo', type: ['null', 'string'], default: null },
  ],
};
const moneyProto = 'syntax = "proto3";\npackage it.money;\nmessage Money { string currency = 1; int32 units = 2; }\n';
const orderProto = `syntax = "proto3";
package it.orders;
import "it/money.proto";
message Customer { string id = 1; }
message Order { string id = 1; it.money.Money total = 2; repeated string skus = 3; }
`;
const jsonSchema = { type: 'object', properties: { user: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['user'] };

const payment = { id: 'p-1', amount: 12.5, cents: 1250, memo: 'coffee' };
const order = { id: 'o-7', total: { currency: 'EUR', units: 42 }, skus: ['A-1', 'B-2'] };
const event = { user: 'ada', tags: ['x', 'y'], nested: { ok: true } };
const ids: Record<string, number> = {};

async function register(name: string, schema: Parameters<SchemaRegistry['register']>[0]) {
  subjects.unshift(subject(name)); // deleted in reverse: a referenced subject after the one using it
  return (await registry.register(schema, { subject: subject(name) })).id;
}

beforeAll(async () => {
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'local', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url: REGISTRY_URL } },
      // The same cluster with a registry nobody answers at: what a registry outage looks like.
      { name: 'registry-down', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url: 'http://127.0.0.1:9/apis/ccompat/v7' } },
    ]),
  );
  streamRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route');
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
  ids.avro = await register('avro', { type: SchemaType.AVRO, schema: JSON.stringify(avroSchema) });
  ids.money = await register('money', { type: SchemaType.PROTOBUF, schema: moneyProto });
  ids.order = await register('order', {
    type: SchemaType.PROTOBUF,
    schema: orderProto,
    references: [{ name: 'it/money.proto', subject: subject('money'), version: 1 }],
  });
  ids.json = await register('json', { type: SchemaType.JSON, schema: JSON.stringify(jsonSchema) });
  // Protobuf as Confluent's serializer frames it: the header, the message indexes ([1] = Order), the message.
  const root = new protobuf.Root();
  protobuf.parse(moneyProto, root, { keepCase: true });
  protobuf.parse(orderProto, root, { keepCase: true });
  const Order = root.lookupType('it.orders.Order');
  const header = Buffer.from([0, 0, 0, 0, 0]);
  header.writeUInt32BE(ids.order, 1);
  const protoValue = Buffer.concat([header, writeMessageIndexes([1]), Order.encode(Order.fromObject(order)).finish()]);
  const missing = Buffer.from([0, 0x7f, 0xff, 0xff, 0x00, 1, 2, 3]);
  await producer.connect();
  await producer.send({
    topic,
    acks: -1,
    messages: [
      { key: await registry.encode(ids.json, { user: 'key-user' }), value: await registry.encode(ids.avro, payment) },
      { key: 'plain-key', value: protoValue },
      { key: 'json', value: await registry.encode(ids.json, event) },
      { key: 'missing-schema', value: missing },
      { key: 'text', value: 'just text' },
    ],
  });
});

afterAll(async () => {
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  for (const name of subjects) {
    for (const permanent of ['', '?permanent=true']) await fetch(`${REGISTRY_URL}/subjects/${name}${permanent}`, { method: 'DELETE' });
  }
  vi.unstubAllEnvs();
});

const byKey = (messages: WireMessage[], key: string) => messages.find((m) => m.key === key)!;

describe('registry-framed messages in the stream', () => {
  it('decodes an Avro value and a JSON Schema key written by the serializer to the original objects', async () => {
    const [first] = await tail();
    expect(JSON.parse(first.value!)).toEqual(payment);
    expect(first.format?.value).toBe('avro');
    expect(first.schemaId?.value).toBe(ids.avro);
    expect(first.schema?.value).toEqual({ subject: subject('avro'), version: 1 });
    expect(first.encoding.value).toBe('utf8');
    expect(JSON.parse(first.key!)).toEqual({ user: 'key-user' });
    expect(first.format?.key).toBe('json-schema');
    expect(first.schemaId?.key).toBe(ids.json);
  });

  it('decodes a Protobuf value whose schema imports another subject, by its message index', async () => {
    const message = byKey(await tail(), 'plain-key');
    expect(JSON.parse(message.value!)).toEqual(order);
    expect(message).toMatchObject({
      format: { value: 'protobuf' },
      schemaId: { value: ids.order },
      schema: { value: { subject: subject('order'), version: 1 } },
    });
  });

  it('decodes a JSON Schema value, and leaves plain text alone', async () => {
    const messages = await tail();
    expect(JSON.parse(byKey(messages, 'json').value!)).toEqual(event);
    expect(byKey(messages, 'json').format?.value).toBe('json-schema');
    expect(byKey(messages, 'text')).toMatchObject({ value: 'just text', encoding: { value: 'utf8' } });
    expect(byKey(messages, 'text').format).toBeUndefined();
  });

  it('shows a value whose schema the registry does not have as hex, with a note, and goes on', async () => {
    const messages = await tail();
    expect(messages).toHaveLength(5);
    const message = byKey(messages, 'missing-schema');
    expect(message).toMatchObject({ value: '00 7f ff ff 00 01 02 03', format: { value: 'hex' }, schemaId: { value: 0x7fffff00 } });
    expect(message.decodeNote?.value).toMatch(/schema 2147483392 not found/);
  });

  it('with the registry down, shows framed values as hex with a note and every message still arrives', async () => {
    const messages = await tail('registry-down');
    expect(messages).toHaveLength(5);
    const first = messages[0];
    expect(first.format?.value).toBe('hex');
    expect(first.value).toMatch(/^00 00 00 /);
    expect(first.decodeNote?.value).toMatch(/schema registry unavailable/);
    expect(byKey(messages, 'text').value).toBe('just text');
  });

  it('follows decode=: hex for everything, a chosen format refusing what it is not, and a clear 400', async () => {
    // decode= applies to keys too: messages are found by offset (order of production).
    const hex = await tail('local', '&decode=hex');
    expect(hex[4]).toMatchObject({
      key: '74 65 78 74',
      value: Buffer.from('just text')
        .toString('hex')
        .replace(/(..)(?!$)/g, '$1 '),
      format: { key: 'hex', value: 'hex' },
    });
    const asProtobuf = await tail('local', '&decode=protobuf');
    expect(JSON.parse(asProtobuf[1].value!)).toEqual(order);
    expect(asProtobuf[0].format?.value).toBe('hex');
    expect(asProtobuf[0].decodeNote?.value).toMatch(/is avro, not protobuf/);
    const refused = await (streamRoute.GET as Handler)(new Request('http://localhost/api?decode=xml'), {
      params: Promise.resolve({ cluster: 'local', topic }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/decode must be one of/);
  });
});
