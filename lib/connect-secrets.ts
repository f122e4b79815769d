/**
 * Connector secrets: Connect (4.3.1 included) returns PASSWORD-typed settings in clear from
 * GET /connectors/{n}(/config) and ?expand=info, so the dashboard masks them before they leave the server.
 */

/** What a secret's value is replaced with (Connect's own rendering of a Password). */
export const SECRET_MASK = '[hidden]';

/**
 * Kafka client settings of type PASSWORD. Connectors pass them on under prefixes (`producer.override.`,
 * `consumer.`, MirrorMaker's `source.cluster.`…) that no plugin definition lists, so they are secret under any prefix.
 */
export const CLIENT_PASSWORD_SETTINGS: readonly string[] = [
  'ssl.key.password',
  'ssl.keystore.password',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.truststore.password',
  'ssl.truststore.certificates',
  'sasl.jaas.config',
  'sasl.oauthbearer.client.credentials.client.secret',
  'sasl.oauthbearer.assertion.private.key.passphrase',
];

/** The names whose values are secret: the plugin's PASSWORD-typed settings and the Kafka client ones. Pure. */
export function secretNames(definitions: readonly { name: string; type: string }[]): Set<string> {
  return new Set([...CLIENT_PASSWORD_SETTINGS, ...definitions.filter((d) => d.type === 'PASSWORD').map((d) => d.name)]);
}

/** Whether a config key holds a secret: one of `names`, or one of them under a prefix (`<prefix>.<name>`). Pure. */
export function isSecretKey(key: string, names: ReadonlySet<string>): boolean {
  if (names.has(key)) return true;
  for (const name of names) if (key.endsWith(`.${name}`)) return true;
  return false;
}

/** A whole value that is one config-provider reference (`${file:/path:key}`) names where the secret is, not the secret. */
const isReference = (value: string) => value.startsWith('${') && value.endsWith('}') && value.indexOf('${', 2) === -1;

/** The config with every secret's value replaced by {@link SECRET_MASK} (references to config providers kept). Pure. */
export function maskSecrets(config: Record<string, string>, names: ReadonlySet<string>): Record<string, string> {
  const masked = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(config)) masked[key] = isSecretKey(key, names) && !isReference(value) ? SECRET_MASK : value;
  return masked;
}

/**
 * A config sent back from an edit form: secrets still showing the mask get their current value again
 * (the user did not change them). A masked key the connector does not have is named, so nothing is
 * saved with the mask as a password. Pure.
 */
export function restoreSecrets(
  submitted: Record<string, string>,
  current: Record<string, string>,
  names: ReadonlySet<string>,
): { config: Record<string, string> } | { unknown: string[] } {
  const config = Object.create(null) as Record<string, string>;
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(submitted)) {
    if (value !== SECRET_MASK || !isSecretKey(key, names)) config[key] = value;
    else if (Object.hasOwn(current, key)) config[key] = current[key];
    else unknown.push(key);
  }
  return unknown.length ? { unknown } : { config };
}
