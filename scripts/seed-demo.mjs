#!/usr/bin/env node
// Seeds the local cluster once with demo data: topic `access-log` (6 partitions, RF 3) holding
// 50,000 web-server access-log lines in Common Log Format (like NASA_access_log), keyed by host,
// and a consumer group `access-log-analytics` that has read about 60% of it, so lag shows.
// With --avro (npm start, which runs the schema registry) also `access-log-avro`, its values in Avro.
import kafkajs from 'kafkajs';
import { BOOTSTRAP } from '../cluster/nodes.mjs';
import { AVRO_TOPIC, seedAvroTopic } from './seed-avro.mjs';

const { Kafka, logLevel } = kafkajs;
const TOPIC = 'access-log';
const GROUP = 'access-log-analytics';
const LINES = 50_000;

const HOSTS = [
  '199.72.81.55',
  'unicomp6.unicomp.net',
  'burger.letters.com',
  'd104.aa.net',
  'piweba4y.prodigy.com',
  '129.94.144.152',
  'ppp-mia-30.shadow.net',
  'www-b6.proxy.aol.com',
  'kgtyk4.kj.yamagata-u.ac.jp',
  'slip1.yab.com',
];
const PATHS = [
  '/history/apollo/',
  '/shuttle/countdown/',
  '/images/NASA-logosmall.gif',
  '/shuttle/missions/sts-73/mission-sts-73.html',
  '/images/KSC-logosmall.gif',
  '/shuttle/countdown/count.gif',
  '/images/ksclogo-medium.gif',
  '/facts/about_ksc.html',
];
const STATUSES = [200, 200, 200, 200, 304, 304, 302, 404];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A small deterministic PRNG, so every machine gets the same demo data. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clfTime(ms) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  const date = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
  return `${date}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function* accessLogLines(count, random = mulberry32(1995)) {
  const start = Date.UTC(1995, 6, 1);
  for (let i = 0; i < count; i++) {
    const pick = (list) => list[Math.floor(random() * list.length)];
    const host = pick(HOSTS);
    const status = pick(STATUSES);
    const bytes = status === 304 ? 0 : Math.floor(random() * 40_000) + 200;
    yield { host, line: `${host} - - [${clfTime(start + i * 1700)}] "GET ${pick(PATHS)} HTTP/1.0" ${status} ${bytes}` };
  }
}

async function main() {
  const kafka = new Kafka({ clientId: 'demo-seed', brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (process.argv.includes('--avro') && (await seedAvroTopic(kafka, admin, accessLogLines(LINES)))) {
      console.log(`Seeded ${AVRO_TOPIC} (Avro values, subject ${AVRO_TOPIC}-value).`);
    }
    if ((await admin.listTopics()).includes(TOPIC)) {
      console.log(`Demo data already present (topic ${TOPIC}).`);
      return;
    }
    console.log(`Seeding demo: ${LINES} access-log lines into ${TOPIC}...`);
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6, replicationFactor: 3 }], waitForLeaders: true });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    let batch = [];
    for (const { host, line } of accessLogLines(LINES)) {
      batch.push({ key: host, value: line });
      if (batch.length === 2000) {
        await producer.send({ topic: TOPIC, acks: -1, messages: batch });
        batch = [];
      }
    }
    if (batch.length) await producer.send({ topic: TOPIC, acks: -1, messages: batch });
    await producer.disconnect();
    const ends = await admin.fetchTopicOffsets(TOPIC);
    await admin.setOffsets({
      groupId: GROUP,
      topic: TOPIC,
      partitions: ends.map((p) => ({ partition: p.partition, offset: String(Math.floor(Number(p.high) * 0.6)) })),
    });
    console.log(`Seeded ${TOPIC} and consumer group ${GROUP} (about 40% behind).`);
  } finally {
    await admin.disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`seed: ${error.message}`);
    process.exit(1);
  });
}
