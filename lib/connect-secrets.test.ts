import { describe, expect, it } from 'vitest';
import { isSecretKey, maskSecrets, restoreSecrets, SECRET_MASK, secretNames } from './connect-secrets';

// As GET /connector-plugins/MirrorSourceConnector/config lists them on Connect 4.3.1 (a few of its 118).
const definitions = [
  { name: 'source.cluster.alias', type: 'STRING' },
  { name: 'ssl.truststore.password', type: 'PASSWORD' },
  { name: 'plugin.api.token', type: 'PASSWORD' },
  { name: 'topics', type: 'LIST' },
];
const names = secretNames(definitions);

describe('isSecretKey', () => {
  it("takes the plugin's PASSWORD settings and the Kafka client ones, also under a prefix", () => {
    expect(isSecretKey('ssl.truststore.password', names)).toBe(true);
    expect(isSecretKey('plugin.api.token', names)).toBe(true);
    expect(isSecretKey('source.cluster.ssl.key.password', names)).toBe(true);
    expect(isSecretKey('producer.override.sasl.jaas.config', names)).toBe(true);
    expect(isSecretKey('topics', names)).toBe(false);
    expect(isSecretKey('ssl.truststore.location', names)).toBe(false);
    expect(isSecretKey('xssl.key.password', names)).toBe(false);
  });
});

describe('maskSecrets', () => {
  it('hides secret values, keeps the rest and config-provider references, and a __proto__ key as data', () => {
    const config = JSON.parse('{"topics":"a","ssl.truststore.password":"s3cret","consumer.ssl.key.password":"${file:/etc/s.properties:key}","__proto__":"x"}');
    const masked = maskSecrets(config, names);
    expect({ ...masked }).toEqual({
      topics: 'a',
      'ssl.truststore.password': SECRET_MASK,
      'consumer.ssl.key.password': '${file:/etc/s.properties:key}',
      ['__proto__']: 'x',
    });
    expect(Object.keys(masked)).toContain('__proto__');
    expect(maskSecrets({ 'sasl.jaas.config': '${a}${b}' }, names)['sasl.jaas.config']).toBe(SECRET_MASK);
  });
});

describe('restoreSecrets', () => {
  const current = { topics: 'a', 'ssl.truststore.password': 's3cret' };
  it('puts back a secret left masked, keeps a secret typed anew', () => {
    expect(restoreSecrets({ topics: 'b', 'ssl.truststore.password': SECRET_MASK }, current, names)).toEqual({
      config: { topics: 'b', 'ssl.truststore.password': 's3cret' },
    });
    expect(restoreSecrets({ 'ssl.truststore.password': 'new' }, current, names)).toEqual({ config: { 'ssl.truststore.password': 'new' } });
  });
  it('names a masked secret the connector does not have rather than saving the mask', () => {
    expect(restoreSecrets({ 'ssl.key.password': SECRET_MASK }, current, names)).toEqual({ unknown: ['ssl.key.password'] });
  });
  it('leaves the mask text alone in a setting that is not secret', () => {
    expect(restoreSecrets({ topics: SECRET_MASK }, current, names)).toEqual({ config: { topics: SECRET_MASK } });
  });
});
