// Avro decoding throughput for bench/formats.mjs: records written by Confluent's serializer
// (@kafkajs/confluent-schema-registry, schema registered in the local registry), tailed through the
// dashboard's stream decoded (decode=auto: registry-framed values decoded with their schema) and
// raw (decode=base64: the stored bytes, no schema work), on the same topic. Records have no key, so
// both reads do the same work on everything but the values.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { readTail, stats } from './common.mjs';

export const REGISTRY_URL = 'http://127.0.0.1:18081/apis/ccompat/v7';

const schema = {
  type: 'record',
  name: 'AccessLogEntry',
  namespace: 'bench.formats',
  fields: [
    { name: 'host', type: 'string' },
    { name: 'timestamp', type: 'long' },
    { name: 'method', type: 'string' },
    { name: 'path', type: 'string' },
    { name: 'status', type: 'int' },
    { name: 'bytes', type: 'long' },
    { name: 'referrer', type: ['null', 'string'], default: null },
    { name: 'userAgent', type: 'string' },
  ],
};

const entry = (i) => ({
  host: `199.72.81.${i % 250}`,
  timestamp: 804571201000 + i,
  method: i % 10 ? 'GET' : 'POST',
  path: `/history/apollo/${i}/index.html`,
  status: i % 17 ? 200 : 404,
  bytes: 6245 + (i % 977),
  referrer: i % 3 ? null : 'https://example.com/',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
});

/**
 * Registers the schema in a subject of its own, writes `messages` framed records to `topic`, then
 * tails it `runs` times decoded and raw; the subject's deletion is pushed onto `cleanups`.
 */
export async function benchAvro({ kafka, base, topic, messages, runs, record, ratioRow, cleanups }) {
  const registryUrl = process.env.SCHEMA_REGISTRY_URL || REGISTRY_URL;
  const subject = `${topic}-value`;
  const registry = new SchemaRegistry({ host: registryUrl });
  cleanups.push(async () => {
    // Soft delete first: a registry refuses a permanent delete of a subject that is not soft-deleted.
    for (const permanent of ['', '?permanent=true']) await fetch(`${registryUrl}/subjects/${encodeURIComponent(subject)}${permanent}`, { method: 'DELETE' });
  });
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
  const producer = kafka.producer();
  await producer.connect();
  let bytes = 0;
  try {
    for (let i = 0; i < messages; i += 5000) {
      const batch = await Promise.all(Array.from({ length: Math.min(5000, messages - i) }, (_, j) => registry.encode(id, entry(i + j))));
      for (const value of batch) bytes += value.length;
      await producer.send({ topic, acks: -1, messages: batch.map((value) => ({ value })) });
    }
  } finally {
    await producer.disconnect();
  }
  const label = `${messages.toLocaleString('en-US')} Avro records of ~${Math.round(bytes / messages)} B, schema ${id}`;
  const timed = async (decode, check, into) => {
    const started = performance.now();
    const count = await readTail(base, topic, `from=earliest&live=false&decode=${decode}`, (batch) => batch.forEach(check));
    if (count !== messages) throw new Error(`tail (decode=${decode}) of ${topic} returned ${count} messages, expected ${messages}`);
    into.push(count / ((performance.now() - started) / 1000));
  };
  // Every record must come back decoded with its schema: a tail that fell back to hex is no figure.
  const isAvro = (m) => {
    if (m.format?.value !== 'avro' || m.schemaId?.value !== id)
      throw new Error(`offset ${m.offset} was not decoded as Avro: ${m.decodeNote?.value ?? m.format?.value}`);
  };
  const isRaw = (m) => {
    if (m.encoding.value !== 'base64') throw new Error(`offset ${m.offset} was not read raw`);
  };
  // Not counted: the first read fetches and compiles the schema, once per server.
  await timed('auto', isAvro, []);
  const decoded = [];
  const raw = [];
  // Alternating, so both meet the same load from whatever else shares the machine.
  for (let i = 0; i < runs; i++) {
    await timed('auto', isAvro, decoded);
    await timed('base64', isRaw, raw);
  }
  record(`Tail, ${label}, decoded (decode=auto)`, 'msgs/s', decoded);
  record(`Tail, same topic, raw bytes (decode=base64)`, 'msgs/s', raw);
  ratioRow('Avro decoded / raw (median)', stats(decoded).median / stats(raw).median);
}
