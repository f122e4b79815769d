// Transactions written by Kafka's own Java producer (committed, aborted, and one left open), read
// with both isolation levels and compared with Kafka's console consumer under the same level.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { WireMessage } from '@/lib/types/messages';
import { libsDir } from '../../cluster/nodes.mjs';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { readSse } from '../support/sse';

const topic = `it-transactions-${Date.now()}`;
const PRODUCER = path.resolve(__dirname, '..', 'support', 'java', 'TransactionalProducer.java');
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let open: ChildProcess | null = null;

const javaProducer = (outcome: string, prefix: string, count: number) => [
  '-cp',
  path.join(libsDir(), '*'),
  PRODUCER,
  LOCAL_BOOTSTRAP[0],
  topic,
  outcome,
  prefix,
  String(count),
];

async function read(query: string): Promise<WireMessage[]> {
  const response = await (streamRoute.GET as Handler)(new Request(`http://localhost/api?from=earliest&live=false${query}`), {
    params: Promise.resolve({ cluster: 'local', topic }),
  });
  return (await readSse(response)).messages;
}

/** Keys the console consumer prints from the beginning under `isolation`. */
function consoleKeys(isolation: string, expected: number): string[] {
  const formatterProperty = process.env.KAFKA_VERSION?.startsWith('3.') ? '--property' : '--formatter-property';
  const out = kafkaCli(
    'console-consumer',
    '--topic',
    topic,
    '--from-beginning',
    '--isolation-level',
    isolation,
    '--max-messages',
    String(expected),
    '--timeout-ms',
    '15000',
    formatterProperty,
    'print.key=true',
    formatterProperty,
    'print.value=false',
  );
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  expect((await call(topicsRoute.POST, { cluster: 'local' }, { method: 'POST', body: { name: topic, partitions: 1, replicationFactor: 1 } })).status).toBe(201);
  execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0], '-P', '-t', topic, '-p', '0', '-K', ':'], { input: 'plain-0:p\nplain-1:p\n' });
  execFileSync('java', javaProducer('commit', 'c', 5), { stdio: 'ignore' });
  execFileSync('java', javaProducer('abort', 'a', 4), { stdio: 'ignore' });
  // Left open: the producer prints "open" once its records are written and waits to be killed.
  open = spawn('java', javaProducer('open', 'o', 3), { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    open!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
    open!.on('exit', (code) => reject(new Error(`the open-transaction producer exited (${code})`)));
  });
}, 180_000);

afterAll(async () => {
  open?.kill('SIGKILL');
  await call(topicRoute.DELETE, { cluster: 'local', topic }, { method: 'DELETE' });
});

const committed = ['plain-0', 'plain-1', 'c-0', 'c-1', 'c-2', 'c-3', 'c-4'];
const aborted = ['a-0', 'a-1', 'a-2', 'a-3'];
const pending = ['o-0', 'o-1', 'o-2'];

describe('transactions', () => {
  it('read_uncommitted (default) shows every record, marking aborted and still-open ones, as the console consumer lists them', async () => {
    const messages = await read('');
    expect(messages.map((m) => m.key)).toEqual([...committed, ...aborted, ...pending]);
    expect(messages.filter((m) => m.aborted).map((m) => m.key)).toEqual(aborted);
    expect(messages.filter((m) => m.pending).map((m) => m.key)).toEqual(pending);
    expect(consoleKeys('read_uncommitted', messages.length)).toEqual(messages.map((m) => m.key));
  });

  it('read_committed shows only committed records, as a read_committed console consumer does', async () => {
    const messages = await read('&isolation=read_committed');
    expect(messages.map((m) => m.key)).toEqual(committed);
    expect(messages.some((m) => m.aborted || m.pending)).toBe(false);
    expect(consoleKeys('read_committed', committed.length)).toEqual(committed);
  });

  it('a Browse page reads the same way under each level', async () => {
    expect((await read('&limit=100')).map((m) => `${m.key}${m.aborted ? '!' : ''}`)).toEqual([...committed, ...aborted.map((k) => `${k}!`), ...pending]);
    expect((await read('&limit=100&isolation=read_committed')).map((m) => m.key)).toEqual(committed);
  });

  it('once the open transaction is aborted by the broker (its producer gone), read_committed still leaves it out', async () => {
    open?.kill('SIGKILL');
    open = null;
    // A new producer with the same transactional id fences the old one and aborts its transaction.
    execFileSync('java', javaProducer('commit', 'o', 1), { stdio: 'ignore' });
    const { value } = await waitFor(async () => {
      const messages = await read('&isolation=read_committed');
      return messages.length > committed.length ? messages : undefined;
    }, 30_000);
    expect(value.map((m) => m.key)).toEqual([...committed, 'o-0']);
    const all = await read('');
    expect(all.filter((m) => m.aborted).map((m) => m.key)).toEqual([...aborted, ...pending]);
  });

  it('refuses an unknown isolation level', async () => {
    const response = await (streamRoute.GET as Handler)(new Request('http://localhost/api?isolation=dirty'), {
      params: Promise.resolve({ cluster: 'local', topic }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/isolation must be read_uncommitted or read_committed/) } });
  });
});
