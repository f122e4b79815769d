import net from 'node:net';

/**
 * Sends one request (HEX: header and body, as SerializeRequests.java prints it) to a broker over a
 * plain socket and prints the broker's answer after the correlation id: the response bytes the
 * codec unit tests decode. Nothing of the dashboard is involved.
 *
 * node tests/support/capture-response.mjs HOST:PORT HEX
 */
const [address, hex] = process.argv.slice(2);
const [host, port] = address.split(':');
const request = Buffer.from(hex, 'hex');
const size = Buffer.alloc(4);
size.writeInt32BE(request.length);
const socket = net.connect({ host, port: Number(port) }, () => socket.write(Buffer.concat([size, request])));
let received = Buffer.alloc(0);
socket.on('data', (chunk) => {
  received = Buffer.concat([received, chunk]);
  if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
    process.stdout.write(`${received.subarray(8, 4 + received.readInt32BE(0)).toString('hex')}\n`);
    socket.end();
  }
});
socket.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
