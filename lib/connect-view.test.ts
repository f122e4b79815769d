import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ConnectorSummary } from '@/lib/types/connect';
import { createCurlCommand, fieldErrors, filterConnectors, parseConfigText, shellQuote, taskCounts, updateCurlCommand } from './connect-view';

const connector = (name: string, state: string, tasks: string[], cls = 'org.apache.kafka.connect.file.FileStreamSourceConnector'): ConnectorSummary => ({
  name,
  type: 'source',
  class: cls,
  state,
  workerId: 'w:1',
  topics: [],
  tasks: tasks.map((s, id) => ({ id, state: s, workerId: 'w:1' })),
});

describe('taskCounts', () => {
  it('counts running and failed tasks apart from the others', () => {
    expect(taskCounts(connector('a', 'RUNNING', ['RUNNING', 'FAILED', 'PAUSED', 'RUNNING']))).toEqual({ running: 2, failed: 1, total: 4 });
    expect(taskCounts(connector('b', 'STOPPED', []))).toEqual({ running: 0, failed: 0, total: 0 });
  });
});

describe('filterConnectors', () => {
  const list = [
    connector('orders-sink', 'RUNNING', ['RUNNING', 'FAILED'], 'org.apache.kafka.connect.file.FileStreamSinkConnector'),
    connector('mirror', 'PAUSED', ['PAUSED'], 'org.apache.kafka.connect.mirror.MirrorSourceConnector'),
    connector('(a+)+$', 'FAILED', []),
  ];
  it('matches the name or class as plain text, any case', () => {
    expect(filterConnectors(list, 'SINK', '').map((c) => c.name)).toEqual(['orders-sink']);
    expect(filterConnectors(list, 'mirrorsource', '').map((c) => c.name)).toEqual(['mirror']);
    expect(filterConnectors(list, '(a+)+', '').map((c) => c.name)).toEqual(['(a+)+$']);
  });
  it('filters by the connector state or a task in it', () => {
    expect(filterConnectors(list, '', 'FAILED').map((c) => c.name)).toEqual(['orders-sink', '(a+)+$']);
    expect(filterConnectors(list, '', 'PAUSED').map((c) => c.name)).toEqual(['mirror']);
    expect(filterConnectors(list, 'orders', 'PAUSED')).toEqual([]);
  });
});

describe('createCurlCommand', () => {
  it('quotes the body so a shell hands curl exactly the JSON, quotes and all', () => {
    const config = { 'connector.class': 'X', file: "/tmp/it's here.txt", topic: '$(rm -rf /)' };
    const command = createCurlCommand('http://127.0.0.1:18083/', "o'brien", config);
    expect(command).toContain("'http://127.0.0.1:18083/connectors'");
    // The shell's own reading of the quoted body: printf gets exactly one argument back.
    const body = command.slice(command.indexOf('--data ') + 7, command.lastIndexOf(" 'http"));
    const echoed = execFileSync('sh', ['-c', `printf %s ${body}`], { encoding: 'utf8' });
    expect(JSON.parse(echoed)).toEqual({ name: "o'brien", config });
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});

describe('updateCurlCommand', () => {
  it('PUTs the config alone to the connector, its name one path segment', () => {
    const config = { 'connector.class': 'X', topic: "it's" };
    const command = updateCurlCommand('http://127.0.0.1:18083//', 'a/b c', config);
    expect(command.startsWith('curl -X PUT ')).toBe(true);
    expect(command.endsWith(" 'http://127.0.0.1:18083/connectors/a%2Fb%20c/config'")).toBe(true);
    const body = command.slice(command.indexOf('--data ') + 7, command.lastIndexOf(" 'http"));
    expect(JSON.parse(execFileSync('sh', ['-c', `printf %s ${body}`], { encoding: 'utf8' }))).toEqual(config);
  });
});

describe('curl commands for a worker behind basic auth', () => {
  it('add -u with the credentials as shell variables the user sets, which the shell hands curl as user:password', () => {
    const config = { 'connector.class': 'X' };
    for (const command of [createCurlCommand('https://connect:8083', 'c', config, true), updateCurlCommand('https://connect:8083', 'c', config, true)]) {
      expect(command).toMatch(/^curl -u "\$CONNECT_USER:\$CONNECT_PASSWORD" -X (POST|PUT) /);
      const option = command.slice('curl -u '.length, command.indexOf(' -X'));
      const read = execFileSync('sh', ['-c', `printf %s ${option}`], {
        encoding: 'utf8',
        env: { ...process.env, CONNECT_USER: 'dash', CONNECT_PASSWORD: "p'w d" },
      });
      expect(read).toBe("dash:p'w d");
    }
    expect(createCurlCommand('https://connect:8083', 'c', config)).not.toContain(' -u ');
  });
});

describe('parseConfigText', () => {
  it('turns a JSON object into string values, keeping a __proto__ key as data', () => {
    const result = parseConfigText('{"tasks.max": 2, "errors.tolerance": "all", "flag": true, "__proto__": "x"}');
    expect('config' in result && { ...result.config }).toEqual({ 'tasks.max': '2', 'errors.tolerance': 'all', flag: 'true', ['__proto__']: 'x' });
    expect('config' in result && Object.getPrototypeOf(result.config)).toBeNull();
  });
  it.each([
    ['{', /Not valid JSON/],
    ['[]', /JSON object/],
    ['"text"', /JSON object/],
    ['{"a": {"b": 1}}', /"a" must be a string/],
    ['{"a": null}', /"a" must be a string/],
  ])('refuses %s with a message', (text, message) => {
    const result = parseConfigText(text);
    expect('problem' in result && result.problem).toMatch(message);
  });
});

describe('fieldErrors', () => {
  it('keeps only the fields with errors, by name', () => {
    const field = (name: string, errors: string[]) => ({
      name,
      type: 'STRING',
      required: false,
      defaultValue: null,
      importance: 'HIGH',
      documentation: '',
      group: null,
      order: -1,
      displayName: name,
      dependents: [],
      value: null,
      recommendedValues: [],
      visible: true,
      errors,
    });
    const errors = fieldErrors([field('topic', ['Missing required configuration "topic"']), field('file', []), field('__proto__', ['bad'])]);
    expect([...errors.keys()]).toEqual(['topic', '__proto__']);
  });
});
