import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_BOOTSTRAP, parseClusters } from './config';

describe('parseClusters', () => {
  it('defaults to the local cluster named "local"', () => {
    expect(parseClusters({})).toEqual([{ name: 'local', brokers: LOCAL_BOOTSTRAP }]);
  });

  it('turns KAFKA_BROKERS into one cluster named "default"', () => {
    expect(parseClusters({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' })).toEqual([{ name: 'default', brokers: ['kafka-1:9092', 'kafka-2:9092'] }]);
  });

  it('prefers KAFKA_CLUSTERS given as JSON', () => {
    const clusters = parseClusters({
      KAFKA_BROKERS: 'ignored:9092',
      KAFKA_CLUSTERS: JSON.stringify([
        { name: 'prod', brokers: ['p1:9093'], ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'u', passwordEnv: 'P' } },
        { name: 'staging', brokers: ['s1:9092'] },
      ]),
    });
    expect(clusters.map((c) => c.name)).toEqual(['prod', 'staging']);
    expect(clusters[0].sasl?.mechanism).toBe('scram-sha-512');
  });

  it('reads KAFKA_CLUSTERS from a file path', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clusters-')), 'clusters.json');
    fs.writeFileSync(file, JSON.stringify([{ name: 'from-file', brokers: ['h:1'] }]));
    expect(parseClusters({ KAFKA_CLUSTERS: file })[0].name).toBe('from-file');
  });

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['a missing file', '/nonexistent/clusters.json', /neither a JSON array nor a readable file/],
    ['an empty list', '[]', /at least one cluster/],
    ['a broker without a port', '[{"name":"a","brokers":["host"]}]', /host:port/],
    ['a cluster name with a slash', '[{"name":"a/b","brokers":["h:1"]}]', /cluster name/],
    ['duplicate names', '[{"name":"a","brokers":["h:1"]},{"name":"a","brokers":["h:2"]}]', /unique/],
    ['an unknown SASL mechanism', '[{"name":"a","brokers":["h:1"],"sasl":{"mechanism":"gssapi","username":"u"}}]', /sasl/],
  ])('refuses KAFKA_CLUSTERS with %s, naming the problem', (_label, value, message) => {
    expect(() => parseClusters({ KAFKA_CLUSTERS: value })).toThrow(ConfigError);
    expect(() => parseClusters({ KAFKA_CLUSTERS: value })).toThrow(message);
  });

  it('gives the KAFKA_BROKERS cluster and the local cluster the registry of SCHEMA_REGISTRY_URL', () => {
    const url = 'http://127.0.0.1:18081/apis/ccompat/v7';
    expect(parseClusters({ KAFKA_BROKERS: 'k:9092', SCHEMA_REGISTRY_URL: url })).toEqual([{ name: 'default', brokers: ['k:9092'], schemaRegistry: { url } }]);
    expect(parseClusters({ SCHEMA_REGISTRY_URL: ` ${url} ` })).toEqual([{ name: 'local', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url } }]);
  });

  it('refuses a SCHEMA_REGISTRY_URL that is not an http(s) URL', () => {
    expect(() => parseClusters({ SCHEMA_REGISTRY_URL: 'ftp://registry' })).toThrow(/SCHEMA_REGISTRY_URL is invalid/);
    expect(() => parseClusters({ SCHEMA_REGISTRY_URL: 'registry:8081' })).toThrow(/SCHEMA_REGISTRY_URL is invalid/);
  });

  it('takes a schema registry with basic-auth credentials per cluster in KAFKA_CLUSTERS', () => {
    const clusters = parseClusters({
      KAFKA_CLUSTERS: JSON.stringify([
        { name: 'prod', brokers: ['p:9092'], schemaRegistry: { url: 'https://sr.example.com', username: 'u', passwordEnv: 'SR_PASSWORD' } },
        { name: 'dev', brokers: ['d:9092'] },
      ]),
    });
    expect(clusters[0].schemaRegistry).toEqual({ url: 'https://sr.example.com', username: 'u', passwordEnv: 'SR_PASSWORD' });
    expect(clusters[1].schemaRegistry).toBeUndefined();
    expect(() => parseClusters({ KAFKA_CLUSTERS: '[{"name":"a","brokers":["h:1"],"schemaRegistry":{"url":"nope"}}]' })).toThrow(/schemaRegistry\.url/);
  });

  it('gives the KAFKA_BROKERS cluster and the local cluster a Connect cluster named "connect" from KAFKA_CONNECT_URL', () => {
    const url = 'http://127.0.0.1:18083';
    expect(parseClusters({ KAFKA_BROKERS: 'k:9092', KAFKA_CONNECT_URL: url })).toEqual([
      { name: 'default', brokers: ['k:9092'], connect: [{ name: 'connect', url }] },
    ]);
    expect(parseClusters({ KAFKA_CONNECT_URL: ` ${url} ` })).toEqual([{ name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url }] }]);
    expect(() => parseClusters({ KAFKA_CONNECT_URL: 'connect:8083' })).toThrow(/KAFKA_CONNECT_URL is invalid/);
  });

  it('takes Connect clusters with basic-auth credentials per cluster in KAFKA_CLUSTERS', () => {
    const clusters = parseClusters({
      KAFKA_CLUSTERS: JSON.stringify([
        {
          name: 'prod',
          brokers: ['p:9092'],
          connect: [
            { name: 'cdc', url: 'https://connect.example.com', username: 'u', passwordEnv: 'CONNECT_PASSWORD' },
            { name: 'mm2', url: 'http://mm2:8083' },
          ],
        },
        { name: 'dev', brokers: ['d:9092'] },
      ]),
    });
    expect(clusters[0].connect).toEqual([
      { name: 'cdc', url: 'https://connect.example.com', username: 'u', passwordEnv: 'CONNECT_PASSWORD' },
      { name: 'mm2', url: 'http://mm2:8083' },
    ]);
    expect(clusters[1].connect).toBeUndefined();
    expect(() => parseClusters({ KAFKA_CLUSTERS: '[{"name":"a","brokers":["h:1"],"connect":[{"name":"c","url":"nope"}]}]' })).toThrow(/connect\.url/);
    expect(() => parseClusters({ KAFKA_CLUSTERS: '[{"name":"a","brokers":["h:1"],"connect":[{"name":"c/d","url":"http://c:1"}]}]' })).toThrow(/cluster name/);
    expect(() =>
      parseClusters({ KAFKA_CLUSTERS: '[{"name":"a","brokers":["h:1"],"connect":[{"name":"c","url":"http://c:1"},{"name":"c","url":"http://d:1"}]}]' }),
    ).toThrow(/connect cluster names must be unique/);
  });

  it("takes a Connect cluster's TLS settings, as the brokers' ssl, for an https URL only", () => {
    const ssl = { caFile: '/etc/ca.pem', certFile: '/etc/client.crt', keyFile: '/etc/client.key', rejectUnauthorized: true };
    const connect = (url: string) => JSON.stringify([{ name: 'a', brokers: ['h:1'], connect: [{ name: 'c', url, ssl }] }]);
    expect(parseClusters({ KAFKA_CLUSTERS: connect('https://c:8443') })[0].connect).toEqual([{ name: 'c', url: 'https://c:8443', ssl }]);
    expect(() => parseClusters({ KAFKA_CLUSTERS: connect('http://c:8083') })).toThrow(/connect\.ssl needs an https URL/);
  });

  it('refuses a malformed KAFKA_BROKERS', () => {
    expect(() => parseClusters({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS is invalid/);
  });
});
