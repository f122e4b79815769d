import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as topicsRoute from '@/app/api/clusters/[cluster]/topics/route';
import * as topicRoute from '@/app/api/clusters/[cluster]/topics/[topic]/route';
import * as produceRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { kafkaCli } from '../support/kafka-cli';
import { readSse } from '../support/sse';

// Headers are an ordered list in Kafka: a key may repeat, a value may be null, and a key may be
// any string, "__proto__" and "constructor" included. They once travelled as an object, where
// the last duplicate won, null became "" and "__proto__" vanished.
const topic = `it-headers-${Date.now()}`;
const local = { cluster: 'local', topic };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tail = async (query = '') =>
  (await readSse(await (streamRoute.GET as Handler)(new Request(`http://localhost/api?from=earliest&live=false${query}`), { params: Promise.resolve(local) })))
    .messages;
const kcat = (args: string[], input?: string) => execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0], ...args], { encoding: 'utf8', input });
/** Headers of the message at `offset` as kcat prints them: key=value, comma-separated, NULL for null. */
const kcatHeaders = (offset: number) => kcat(['-C', '-t', topic, '-p', '0', '-o', String(offset), '-c', '1', '-e', '-q', '-f', '%h']);
const utf8 = (key: string, value: string | null) => ({ key, value, encoding: 'utf8' });

beforeAll(async () => {
  expect((await call(topicsRoute.POST, { cluster: 'local' }, { method: 'POST', body: { name: topic, partitions: 1, replicationFactor: 1 } })).status).toBe(201);
});

afterAll(async () => {
  await call(topicRoute.DELETE, local, { method: 'DELETE' });
});

describe('message headers', () => {
  it('written by kcat arrive through the stream in record order: repeated keys, a null value, prototype-member keys', async () => {
    // `-H nullval` (no "=") is kcat's header without a value.
    kcat(
      [
        '-P',
        '-t',
        topic,
        '-p',
        '0',
        '-k',
        'from-kcat',
        '-H',
        'dup=first',
        '-H',
        'dup=second',
        '-H',
        '__proto__=x',
        '-H',
        'nullval',
        '-H',
        'constructor=y',
        '-H',
        'empty=',
      ],
      'v1',
    );
    const [message] = await tail();
    expect(message.key).toBe('from-kcat');
    expect(message.headers).toEqual([
      utf8('dup', 'first'),
      utf8('dup', 'second'),
      utf8('__proto__', 'x'),
      utf8('nullval', null),
      utf8('constructor', 'y'),
      utf8('empty', ''),
    ]);
    // Every header's key and value bytes count, the repeated one too.
    expect(message.size).toBe(
      'from-kcat'.length +
        'v1'.length +
        'dupfirst'.length +
        'dupsecond'.length +
        '__proto__x'.length +
        'nullval'.length +
        'constructory'.length +
        'empty'.length,
    );
    // Kafka's own consumer sees the same list.
    // Kafka 4 renamed --property to --formatter-property (3.x knows only the old name).
    const formatterProperty = process.env.KAFKA_VERSION?.startsWith('3.') ? '--property' : '--formatter-property';
    const java = kafkaCli(
      'console-consumer',
      '--topic',
      topic,
      '--partition',
      '0',
      '--offset',
      '0',
      '--max-messages',
      '1',
      '--timeout-ms',
      '20000',
      formatterProperty,
      'print.headers=true',
    );
    expect(java).toContain('dup:first,dup:second,__proto__:x,nullval:null,constructor:y,empty:\tv1');
  });

  it('produced through the API reach Kafka in the order given, as kcat reads them', async () => {
    const headers = [
      { key: 'dup', value: '1' },
      { key: '__proto__', value: '2' },
      { key: 'dup', value: '3' },
      { key: 'nullval', value: null },
      { key: 'toString', value: '' },
    ];
    const produced = await call(produceRoute.POST, local, { method: 'POST', body: { messages: [{ key: 'from-api', value: 'v2', headers, partition: 0 }] } });
    expect(produced).toMatchObject({ status: 200, body: { offsets: [{ partition: 0, offset: 1 }] } });
    expect(kcatHeaders(1)).toBe('dup=1,__proto__=2,dup=3,nullval=NULL,toString=');
    const [, message] = await tail();
    expect(message.headers).toEqual(headers.map((h) => utf8(h.key, h.value)));
  });

  it('are still accepted as an object of key → value, "__proto__" and "constructor" included', async () => {
    // Raw JSON: in an object literal "__proto__" would set the prototype instead of being a key.
    const rawBody = '{"messages":[{"key":"as-object","value":"v3","partition":0,"headers":{"__proto__":"p","constructor":"c","valueOf":"v"}}]}';
    expect((await call(produceRoute.POST, local, { method: 'POST', rawBody })).status).toBe(200);
    expect(kcatHeaders(2)).toBe('__proto__=p,constructor=c,valueOf=v');
  });

  it('are matched by the filter as key=value lines in order', async () => {
    const matched = async (filter: string) => (await tail(`&filterOn=headers&filterMode=substring&filter=${encodeURIComponent(filter)}`)).map((m) => m.key);
    expect(await matched('dup=second')).toEqual(['from-kcat']);
    expect(await matched('dup=first\ndup=second\n__proto__=x\nnullval=\n')).toEqual(['from-kcat']);
    expect(await matched('dup=second\ndup=first')).toEqual([]);
    expect(await matched('nullval=')).toEqual(['from-kcat', 'from-api']);
    expect(await matched('__proto__=')).toEqual(['from-kcat', 'from-api', 'as-object']);
  });

  it('that are not a list of { key, value } or an object of strings are refused, and nothing is written', async () => {
    for (const headers of ['x', [{ key: 1, value: 'a' }], [{ key: 'a', value: 5 }], { a: null }, { '': 'empty key' }]) {
      const { status, body } = await call(produceRoute.POST, local, { method: 'POST', body: { messages: [{ value: 'bad', headers }] } });
      expect(status, JSON.stringify(headers)).toBe(400);
      expect(body.error.code).toBe('INVALID_INPUT');
    }
    expect((await tail()).map((m) => m.key)).toEqual(['from-kcat', 'from-api', 'as-object']);
  });
});
