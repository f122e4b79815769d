// Seeds the Avro demo topic `access-log-avro`: the first access-log lines as Avro records in the
// Confluent wire format, their schema registered in the local schema registry (subject access-log-avro-value).
import avsc from 'avsc';
import { REGISTRY_URL } from '../cluster/schema-registry.mjs';

export const AVRO_TOPIC = 'access-log-avro';
const RECORDS = 2000;

const SCHEMA = {
  type: 'record',
  name: 'AccessLogEntry',
  namespace: 'dev.kafkadashboard.demo',
  fields: [
    { name: 'host', type: 'string' },
    { name: 'time', type: 'string' },
    { name: 'method', type: 'string' },
    { name: 'path', type: 'string' },
    { name: 'status', type: 'int' },
    { name: 'bytes', type: 'long' },
    { name: 'referrer', type: ['null', 'string'], default: null },
  ],
};

// host - - [time] "METHOD path HTTP/1.0" status bytes; split on known separators, no regex backtracking.
function toRecord(line) {
  const [host, rest] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf('[') + 1)];
  const time = rest.slice(0, rest.indexOf(']'));
  const [method, path] = rest.slice(rest.indexOf('"') + 1, rest.lastIndexOf('"')).split(' ');
  const [status, bytes] = rest
    .slice(rest.lastIndexOf('"') + 2)
    .split(' ')
    .map(Number);
  return { host, time, method, path, status, bytes, referrer: null };
}

async function registerSchema(subject) {
  const response = await fetch(`${REGISTRY_URL}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(SCHEMA), schemaType: 'AVRO' }),
  });
  if (!response.ok) throw new Error(`registering ${subject} failed: ${response.status} ${await response.text()}`);
  return (await response.json()).id;
}

/** Writes the Avro topic with `kafka` (a kafkajs client) unless it exists; `lines` are access-log entries. */
export async function seedAvroTopic(kafka, admin, lines) {
  if ((await admin.listTopics()).includes(AVRO_TOPIC)) return false;
  const id = await registerSchema(`${AVRO_TOPIC}-value`);
  const type = avsc.Type.forSchema(SCHEMA);
  const header = Buffer.alloc(5);
  header.writeUInt32BE(id, 1);
  await admin.createTopics({ topics: [{ topic: AVRO_TOPIC, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const messages = [];
    for (const { host, line } of lines) {
      messages.push({ key: host, value: Buffer.concat([header, type.toBuffer(toRecord(line))]) });
      if (messages.length === RECORDS) break;
    }
    await producer.send({ topic: AVRO_TOPIC, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
  return true;
}
