#!/usr/bin/env node
/**
 * Records the AlterPartitionReassignments (45) and ListPartitionReassignments (46) requests and
 * responses that Kafka's own kafka-reassign-partitions sends, for the codec tests' fixtures.
 *
 * One TCP proxy per local broker (ports 31070-31072 → 19092-19094). The tool learns the brokers'
 * addresses from Metadata, so every response's "127.0.0.1" + port is rewritten to the proxy's port
 * (same length: frame sizes do not change) and every later connection passes through here too.
 *
 *   node scripts/capture-reassignment-bytes.mjs out.json
 *   node cluster/cluster.mjs tool reassign-partitions --bootstrap-server 127.0.0.1:31070 --execute ...
 *
 * Writes { apiKey, version, request, response } (hex; request without its size prefix, response
 * without size and correlation id) for each captured exchange when stopped with SIGINT/SIGTERM.
 */
import fs from 'node:fs';
import net from 'node:net';

const [out = 'captured.json'] = process.argv.slice(2);
const BROKERS = [19092, 19093, 19094];
const PROXIES = [31070, 31071, 31072];
const WANTED = new Set([45, 46]);
const captured = [];

const host = Buffer.from('127.0.0.1');
function rewritePorts(frame) {
  for (let i = 0; i < BROKERS.length; i++) {
    const needle = Buffer.concat([host, Buffer.from([0, 0, BROKERS[i] >> 8, BROKERS[i] & 0xff])]);
    for (let at = frame.indexOf(needle); at >= 0; at = frame.indexOf(needle, at + 1)) frame.writeInt32BE(PROXIES[i], at + host.length);
  }
  return frame;
}

/** Calls `onFrame(frame)` for each complete size-prefixed frame (without the size). */
function framer(onFrame) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = pending.readInt32BE(0);
      onFrame(Buffer.from(pending.subarray(4, 4 + size)));
      pending = pending.subarray(4 + size);
    }
  };
}

const sized = (frame) => {
  const size = Buffer.alloc(4);
  size.writeInt32BE(frame.length);
  return Buffer.concat([size, frame]);
};

PROXIES.forEach((port, i) => {
  net
    .createServer((client) => {
      const broker = net.connect(BROKERS[i], '127.0.0.1');
      const inFlight = new Map();
      client.on(
        'data',
        framer((frame) => {
          const apiKey = frame.readInt16BE(0);
          if (WANTED.has(apiKey)) {
            const entry = { apiKey, version: frame.readInt16BE(2), request: frame.toString('hex'), response: null };
            inFlight.set(frame.readInt32BE(4), entry);
            captured.push(entry);
          }
          broker.write(sized(frame));
        }),
      );
      broker.on(
        'data',
        framer((frame) => {
          const entry = inFlight.get(frame.readInt32BE(0));
          if (entry) entry.response = frame.subarray(4).toString('hex');
          client.write(sized(rewritePorts(frame)));
        }),
      );
      const close = () => {
        client.destroy();
        broker.destroy();
      };
      client.on('error', close).on('close', close);
      broker.on('error', close).on('close', close);
    })
    .listen(port, '127.0.0.1');
});

const save = () => {
  fs.writeFileSync(out, JSON.stringify(captured, null, 2));
  process.exit(0);
};
process.on('SIGINT', save).on('SIGTERM', save);
