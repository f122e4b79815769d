// Helpers shared by the benchmark scripts (run.mjs, formats.mjs): statistics, the SSE tail client,
// kcat as the reference, and the built dashboard served for a run.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { BOOTSTRAP, ROOT } from '../cluster/nodes.mjs';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s.at(-1) };
};
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));

export function hasKcat() {
  return spawnSync('kcat', ['-V']).status === 0;
}

/**
 * Complete SSE frames in `text`: `messages` frames (each a parsed array), the data of `error` frames,
 * and what is left for the next chunk.
 */
export function takeFrames(text) {
  const frames = [];
  const errors = [];
  let end;
  while ((end = text.indexOf('\n\n')) !== -1) {
    const frame = text.slice(0, end);
    text = text.slice(end + 2);
    if (frame.startsWith('event: messages')) frames.push(JSON.parse(frame.slice(frame.indexOf('data: ') + 6)));
    else if (frame.startsWith('event: error')) errors.push(frame.slice(frame.indexOf('data: ') + 6));
  }
  return { frames, errors, rest: text };
}

/** Found once per message in a `messages` frame and nowhere else: inside a key or value its quotes are escaped. */
const MESSAGE_MARK = Buffer.from(',"timestampType":"');
const ERROR_MARK = Buffer.from('event: error');

/** Messages in a stream, counted by their marks; an `error` frame throws. */
function countMarks(url, topic) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => reject(new Error(`stream ${topic}: ${response.statusCode} ${body}`)));
          return;
        }
        let count = 0;
        // The last bytes of the chunk before (too few to hold a whole mark): a mark cut in two is found
        // in them and the first bytes of the next, without copying whole chunks (kcat's lines are
        // counted in place too).
        let carry = Buffer.alloc(0);
        const keep = Math.max(MESSAGE_MARK.length, ERROR_MARK.length) - 1;
        const marks = (mark, value) => {
          const before = carry.subarray(Math.max(0, carry.length - mark.length + 1));
          const across = before.length ? Buffer.concat([before, value.subarray(0, mark.length - 1)]) : null;
          return (across ? occurrences(across, mark) : 0) + occurrences(value, mark);
        };
        response.on('data', (value) => {
          if (marks(ERROR_MARK, value)) {
            response.destroy();
            reject(new Error(`stream ${topic}: ${Buffer.concat([carry, value]).toString('utf8')}`));
            return;
          }
          count += marks(MESSAGE_MARK, value);
          const last = value.length >= keep ? value : Buffer.concat([carry, value]);
          carry = Buffer.from(last.subarray(Math.max(0, last.length - keep)));
        });
        response.on('end', () => resolve(count));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Occurrences of `mark` in `bytes`. */
function occurrences(bytes, mark) {
  let n = 0;
  for (let i = bytes.indexOf(mark); i !== -1; i = bytes.indexOf(mark, i + mark.length)) n++;
  return n;
}

/**
 * Reads the dashboard's message stream at `base` to its end and counts the messages. Without
 * `onMessages` the bytes are only scanned for one mark per message, as kcat's lines are only
 * counted (parsing the JSON in this process took CPU from the server on a 2-core machine); with
 * it, every frame is parsed and handed over (to check what was decoded). An `error` event throws.
 */
export async function readTail(base, topic, query, onMessages) {
  const url = `${base}/api/clusters/local/topics/${encodeURIComponent(topic)}/messages/stream?${query}`;
  // Counting only: node:http's Buffer chunks, as kcat's lines are read from a pipe. fetch's web
  // streams cost the client about as much CPU as the server's worker threads spend per message.
  if (!onMessages) return countMarks(url, topic);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`stream ${topic}: ${response.status} ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let count = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const { frames, errors, rest } = takeFrames(text + decoder.decode(value, { stream: true }));
    if (errors.length) throw new Error(`stream ${topic}: ${errors[0]}`);
    text = rest;
    for (const batch of frames) {
      count += batch.length;
      onMessages(batch);
    }
  }
  return count;
}

/**
 * kcat reading `topic` from the beginning to its end, values one per line: the tail's reference.
 * `noWait`: with fetch.wait.max.ms=10 instead of librdkafka's 500, which a partition's last fetch
 * waits out before kcat -e sees its end (kcat then reads 2–4× faster: what it costs without that wait).
 */
export const kcatTailArgs = (topic, { noWait = false } = {}) => [
  '-C',
  '-b',
  BOOTSTRAP[0],
  '-t',
  topic,
  '-e',
  '-o',
  'beginning',
  '-q',
  ...(noWait ? ['-X', 'fetch.wait.max.ms=10'] : []),
];

/** Runs kcat with `args` and counts the lines it prints (one per message with -C and the default format). */
export function kcatLines(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`kcat exited ${code}`))));
  });
}

/**
 * Serves the built dashboard on `port` (extra environment in `env`); resolves once it answers. Lag
 * history in memory unless LAG_HISTORY_TOPIC is set: a benchmark leaves no sampler topic behind.
 */
export async function startServer(port, env = {}) {
  const base = `http://127.0.0.1:${port}`;
  // Kept-alive sockets outlive the kcat runs between requests: otherwise the server closes one just as
  // the next fetch reuses it ("other side closed").
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'server/index.mjs'], {
    cwd: ROOT,
    env: {
      LAG_HISTORY_TOPIC: '',
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEEP_ALIVE_TIMEOUT_MS: '300000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/api/clusters`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(200);
  }
  await fetch(`${base}/api/clusters/local`);
  return server;
}

/** True when a broker already answers on the first client port (a cluster started from another checkout). */
export function brokerListening() {
  return new Promise((resolve) => {
    const socket = net.connect(Number(BOOTSTRAP[0].split(':')[1]), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Debian's Chromium (CHROMIUM_PATH to override) through Playwright, without its background chatter. */
export async function launchChromium() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Milliseconds from navigating a new page of `browser` to `url` until the first element with `testId` is visible (load event or not). */
export async function timeToFirstRows(browser, url, testId) {
  const page = await browser.newPage();
  try {
    const started = performance.now();
    // Not until the load event: rows server-rendered into the HTML show before the scripts have run.
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByTestId(testId).first().waitFor({ timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await page.close();
  }
}
