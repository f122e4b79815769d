// Records the Kafka requests and answers of one of Kafka's own tools, for codec fixtures:
//   node tests/support/capture-proxy.mjs OUT.json API_KEYS -- TOOL ARGS...
// e.g. node tests/support/capture-proxy.mjs /tmp/users.json 50,51 -- configs --describe --entity-type users
// One proxy per broker (ports 31051-31053 → 19092-19094); the brokers' own addresses in Metadata and
// DescribeCluster answers are rewritten to the proxies' (same length: only the int32 port changes),
// so every connection the tool opens goes through here. Each captured exchange is the request body
// after the client id (as our codecs' encode() writes it) and the answer after the correlation id
// (as decode() reads it), in hex.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const [out, keys, separator, ...toolArgs] = process.argv.slice(2);
if (!out || !keys || separator !== '--' || toolArgs.length === 0) {
  console.error('usage: capture-proxy.mjs OUT.json API_KEYS -- TOOL ARGS...');
  process.exit(2);
}
const wanted = new Set(keys.split(',').map(Number));
const BROKER_PORTS = [19092, 19093, 19094];
const PROXY_PORTS = [31051, 31052, 31053];
const HOST = Buffer.from('127.0.0.1');
const captured = [];

/** Splits a stream into Kafka's size-prefixed frames. */
function framer(onFrame) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = pending.readInt32BE(0);
      onFrame(pending.subarray(4, 4 + size));
      pending = pending.subarray(4 + size);
    }
  };
}

function rewritePorts(frame) {
  const copy = Buffer.from(frame);
  for (let at = copy.indexOf(HOST); at >= 0; at = copy.indexOf(HOST, at + 1)) {
    const portAt = at + HOST.length;
    if (portAt + 4 > copy.length) continue;
    const index = BROKER_PORTS.indexOf(copy.readInt32BE(portAt));
    if (index >= 0) copy.writeInt32BE(PROXY_PORTS[index], portAt);
  }
  return copy;
}

const frameOut = (frame) => {
  const sized = Buffer.alloc(4);
  sized.writeInt32BE(frame.length);
  return Buffer.concat([sized, frame]);
};

const servers = BROKER_PORTS.map((brokerPort, i) =>
  net
    .createServer((client) => {
      const broker = net.connect(brokerPort, '127.0.0.1');
      const inFlight = new Map();
      client.on(
        'data',
        framer((frame) => {
          const apiKey = frame.readInt16BE(0);
          const version = frame.readInt16BE(2);
          const correlationId = frame.readInt32BE(4);
          const clientIdLength = frame.readInt16BE(8);
          const body = frame.subarray(10 + Math.max(clientIdLength, 0));
          inFlight.set(correlationId, { apiKey, version, request: body.toString('hex') });
          broker.write(frameOut(frame));
        }),
      );
      broker.on(
        'data',
        framer((frame) => {
          const correlationId = frame.readInt32BE(0);
          const request = inFlight.get(correlationId);
          inFlight.delete(correlationId);
          if (request && wanted.has(request.apiKey)) captured.push({ ...request, response: frame.subarray(4).toString('hex') });
          client.write(frameOut(rewritePorts(frame)));
        }),
      );
      const close = () => {
        client.destroy();
        broker.destroy();
      };
      client.on('error', close).on('close', close);
      broker.on('error', close).on('close', close);
    })
    .listen(PROXY_PORTS[i], '127.0.0.1'),
);

await Promise.all(servers.map((s) => new Promise((resolve) => (s.listening ? resolve() : s.once('listening', resolve)))));
const cluster = path.resolve(import.meta.dirname, '..', '..', 'cluster', 'cluster.mjs');
const [tool, ...args] = toolArgs;
// Not spawnSync: the proxies run in this very process.
const child = spawn(process.execPath, [cluster, 'tool', tool, '--bootstrap-server', `127.0.0.1:${PROXY_PORTS[0]}`, ...args], { stdio: 'inherit' });
const code = await new Promise((resolve) => child.on('exit', resolve));
for (const s of servers) s.close();
fs.writeFileSync(out, `${JSON.stringify(captured, null, 2)}\n`);
console.error(`captured ${captured.length} exchange(s) into ${out}; tool exited with ${code}`);
process.exit(code ?? 1);
