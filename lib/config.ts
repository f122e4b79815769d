import fs from 'node:fs';
import { z } from '@/lib/zod';

/** The local cluster started by `npm run cluster:start`, used when nothing else is configured. */
export const LOCAL_BOOTSTRAP = ['127.0.0.1:19092', '127.0.0.1:19093', '127.0.0.1:19094'];

const brokerAddress = z
  .string()
  .trim()
  .regex(/^[^\s:,]+:\d{1,5}$/, 'a broker address must look like host:port');

const clusterName = z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, 'a cluster name may use letters, digits, ".", "_" and "-" (at most 64)');

/**
 * A Confluent-compatible schema registry (Confluent's, Apicurio's /apis/ccompat/v7, Karapace…),
 * whose schemas decode the cluster's registry-framed messages. Basic auth when a username is given.
 */
const schemaRegistrySchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'schemaRegistry.url must be an http(s) URL' }),
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  passwordEnv: z.string().optional(),
});

export type SchemaRegistryConfig = z.infer<typeof schemaRegistrySchema>;

/** TLS files and checks, as PEM files: the brokers' `ssl` and a Connect cluster's. */
const tlsFilesSchema = z.object({
  caFile: z.string().optional(),
  certFile: z.string().optional(),
  keyFile: z.string().optional(),
  rejectUnauthorized: z.boolean().optional(),
});

/**
 * A Kafka Connect cluster (its REST API), named within its Kafka cluster. Basic auth when a username is
 * given; `ssl` (CA, client certificate, rejectUnauthorized) for an https URL.
 */
const connectSchema = z
  .object({
    name: clusterName,
    url: z.url({ protocol: /^https?$/, error: 'connect.url must be an http(s) URL' }),
    username: z.string().min(1).optional(),
    password: z.string().optional(),
    passwordEnv: z.string().optional(),
    ssl: tlsFilesSchema.optional(),
  })
  .refine((c) => !c.ssl || c.url.startsWith('https:'), { message: 'connect.ssl needs an https URL', path: ['ssl'] });

export type ConnectConfig = z.infer<typeof connectSchema>;

const connectListSchema = z
  .array(connectSchema)
  .refine((list) => new Set(list.map((c) => c.name)).size === list.length, 'connect cluster names must be unique');

const clusterSchema = z.object({
  name: clusterName,
  brokers: z.array(brokerAddress).min(1, 'a cluster needs at least one broker'),
  ssl: z.union([z.boolean(), tlsFilesSchema]).optional(),
  sasl: z
    .object({
      mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
      username: z.string().min(1),
      password: z.string().optional(),
      passwordEnv: z.string().optional(),
      passwordFile: z.string().optional(),
    })
    .optional(),
  schemaRegistry: schemaRegistrySchema.optional(),
  connect: connectListSchema.optional(),
});

export type ClusterConfig = z.infer<typeof clusterSchema>;

const clustersSchema = z
  .array(clusterSchema)
  .min(1, 'KAFKA_CLUSTERS must name at least one cluster')
  .refine((list) => new Set(list.map((c) => c.name)).size === list.length, 'cluster names must be unique');

export class ConfigError extends Error {}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** SCHEMA_REGISTRY_URL, for the one cluster of KAFKA_BROKERS or the local cluster. */
function registryFromEnv(env: Record<string, string | undefined>): Pick<ClusterConfig, 'schemaRegistry'> {
  const url = env.SCHEMA_REGISTRY_URL?.trim();
  if (!url) return {};
  const parsed = schemaRegistrySchema.shape.url.safeParse(url);
  if (!parsed.success) throw new ConfigError(`SCHEMA_REGISTRY_URL is invalid: ${describeIssues(parsed.error)}`);
  return { schemaRegistry: { url: parsed.data } };
}

/** KAFKA_CONNECT_URL, for the one cluster of KAFKA_BROKERS or the local cluster: a Connect cluster named "connect". */
function connectFromEnv(env: Record<string, string | undefined>): Pick<ClusterConfig, 'connect'> {
  const url = env.KAFKA_CONNECT_URL?.trim();
  if (!url) return {};
  const parsed = connectSchema.shape.url.safeParse(url);
  if (!parsed.success) throw new ConfigError(`KAFKA_CONNECT_URL is invalid: ${describeIssues(parsed.error)}`);
  return { connect: [{ name: 'connect', url: parsed.data }] };
}

/**
 * Reads the clusters from the environment: KAFKA_CLUSTERS (JSON or a path to a JSON file),
 * else KAFKA_BROKERS (one cluster named "default"), else the local cluster named "local".
 * SCHEMA_REGISTRY_URL gives the latter two a schema registry and KAFKA_CONNECT_URL a Connect cluster
 * (KAFKA_CLUSTERS names them per cluster).
 * Throws ConfigError with a message naming the bad setting.
 */
export function parseClusters(env: Record<string, string | undefined>): ClusterConfig[] {
  const multi = env.KAFKA_CLUSTERS?.trim();
  if (multi) {
    let text = multi;
    if (!multi.startsWith('[')) {
      try {
        text = fs.readFileSync(multi, 'utf8');
      } catch {
        throw new ConfigError(`KAFKA_CLUSTERS is neither a JSON array nor a readable file: ${multi}`);
      }
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`KAFKA_CLUSTERS is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = clustersSchema.safeParse(json);
    if (!parsed.success) throw new ConfigError(`KAFKA_CLUSTERS is invalid: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }
  const brokers = env.KAFKA_BROKERS?.trim();
  if (brokers) {
    const parsed = z.array(brokerAddress).min(1).safeParse(brokers.split(',').filter(Boolean));
    if (!parsed.success) throw new ConfigError(`KAFKA_BROKERS is invalid: ${describeIssues(parsed.error)}`);
    return [{ name: 'default', brokers: parsed.data, ...registryFromEnv(env), ...connectFromEnv(env) }];
  }
  return [{ name: 'local', brokers: LOCAL_BOOTSTRAP, ...registryFromEnv(env), ...connectFromEnv(env) }];
}

let cached: ClusterConfig[] | undefined;

/** The configured clusters, parsed once per process. */
export function getClusters(): ClusterConfig[] {
  cached ??= parseClusters(process.env);
  return cached;
}

/** READ_ONLY=true refuses every change, for everyone, and the pages hide their controls. */
export function isReadOnly(env: Record<string, string | undefined> = process.env): boolean {
  return /^(true|1|yes)$/i.test(env.READ_ONLY?.trim() ?? '');
}
