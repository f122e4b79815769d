// Kafka's CLI tools in one warm JVM (cluster/ToolServer.java), for the test suites: `cluster.mjs
// tool` goes through it when KAFKA_TOOL_SERVER=1. One server per Kafka version (its jars), started
// by the first call and stopped with the cluster. A call the server cannot take (not started, gone)
// runs in a JVM of its own, as without the server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BOOTSTRAP, DATA_ROOT, ROOT } from './nodes.mjs';

const portFile = path.join(DATA_ROOT, 'tool-server.port');
const pidFile = path.join(DATA_ROOT, 'tool-server.pid');
const lockFile = path.join(DATA_ROOT, 'tool-server.lock');
const logFile = path.join(DATA_ROOT, 'tool-server.log');
const SOURCE = path.join(ROOT, 'cluster', 'ToolServer.java');
const START_TIMEOUT_MS = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const readNumber = (file) => {
  const value = Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : NaN);
  return Number.isInteger(value) && value > 0 ? value : null;
};

/** The running server's port, or null. */
function runningPort() {
  const pid = readNumber(pidFile);
  return pid && alive(pid) ? readNumber(portFile) : null;
}

/**
 * The server's port, starting it when none runs. Parallel callers race for a lock file: one starts
 * the JVM, the others wait for its port file.
 */
async function ensureServer(javaArgs) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const port = runningPort();
    if (port) return port;
    let lock;
    try {
      lock = fs.openSync(lockFile, 'wx');
    } catch {
      // Another caller is starting it; a lock older than the start timeout was left by a crash.
      if (Date.now() - fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs > START_TIMEOUT_MS) fs.rmSync(lockFile, { force: true });
      await sleep(100);
      continue;
    }
    try {
      fs.rmSync(portFile, { force: true });
      const log = fs.openSync(logFile, 'a');
      const child = spawn('java', [...javaArgs(SOURCE), portFile, BOOTSTRAP.join(',')], { cwd: ROOT, detached: true, stdio: ['ignore', log, log] });
      child.unref();
      fs.writeFileSync(pidFile, String(child.pid));
      while (!fs.existsSync(portFile) && alive(child.pid) && Date.now() < deadline) await sleep(50);
      const port = runningPort();
      if (!port) throw new Error(`the tool server did not start (see ${logFile})`);
      return port;
    } finally {
      fs.closeSync(lock);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error('timed out waiting for the tool server to start');
}

/**
 * `text` in Java's modified UTF-8, as DataInputStream.readUTF reads it: each UTF-16 unit on its own
 * (a character beyond U+FFFF as its two surrogates, 3 bytes each) and NUL as two bytes.
 */
function utf(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x01 && unit <= 0x7f) bytes.push(unit);
    else if (unit <= 0x7ff) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
  }
  if (bytes.length > 0xffff) throw Object.assign(new Error('an argument is too long for the tool server'), { code: 'ARGUMENT_TOO_LONG' });
  return Buffer.from([bytes.length >> 8, bytes.length & 0xff, ...bytes]);
}

function request(port, mainClass, args) {
  const count = Buffer.alloc(4);
  count.writeInt32BE(args.length);
  const body = Buffer.concat([utf(mainClass), count, ...args.map(utf)]);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end(body));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks);
      if (answer.length < 12) return reject(new Error('the tool server closed the call without an answer'));
      const status = answer.readInt32BE(0);
      const outLength = answer.readInt32BE(4);
      const out = answer.subarray(8, 8 + outLength);
      const errLength = answer.readInt32BE(8 + outLength);
      resolve({ status, out, err: answer.subarray(12 + outLength, 12 + outLength + errLength) });
    });
  });
}

/**
 * Runs `mainClass` with `args` in the tool server, writing its output here. Answers its exit
 * status, or null when the server could not take the call (then nothing was run).
 */
export async function runInToolServer(javaArgs, mainClass, args) {
  let port;
  try {
    port = await ensureServer(javaArgs);
  } catch (error) {
    console.error(`cluster: ${error.message}; running the tool in a JVM of its own`);
    return null;
  }
  let answer;
  try {
    answer = await request(port, mainClass, args);
  } catch (error) {
    // Refused: nothing ran, the caller runs it on its own. Cut mid-call: it may have run, so it is not run again.
    if (error.code === 'ECONNREFUSED' || error.code === 'ARGUMENT_TOO_LONG') return null;
    console.error(`cluster: the tool server failed during the call (${error.message}; see ${logFile})`);
    return 1;
  }
  await new Promise((resolve) => process.stdout.write(answer.out, resolve));
  await new Promise((resolve) => process.stderr.write(answer.err, resolve));
  return answer.status;
}

/** Stops the tool server, if one runs (with the cluster). */
export function stopToolServer() {
  const pid = readNumber(pidFile);
  if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  for (const file of [pidFile, portFile]) fs.rmSync(file, { force: true });
}
