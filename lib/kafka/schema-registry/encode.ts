import 'server-only';
import type { SchemaRegistryConfig } from '@/lib/config';
import { isSchemaEncoded, type SchemaChoice, type SchemaEncodedField } from '@/lib/types/produce-schema';
import { clusterConfig } from '../clients';
import { ApiError, badRequest } from '../errors';
import { fetchResolvedSchema, registryRequest, RegistryRequestError, toApiError } from './client';
import { compileEncoder, SchemaValidationError, type CompiledEncoder } from './encoders';

/** Compiled encoders kept per cluster, by schema id (and Protobuf message); the least recently used go first. */
const MAX_CACHED_ENCODERS = 200;

interface ClusterEncoders {
  config: SchemaRegistryConfig;
  byId: Map<string, Promise<CompiledEncoder>>;
}
const caches = new Map<string, ClusterEncoders>();

function encodersFor(cluster: string, config: SchemaRegistryConfig): ClusterEncoders {
  let cache = caches.get(cluster);
  if (!cache || cache.config !== config) {
    cache = { config, byId: new Map() };
    caches.set(cluster, cache);
  }
  return cache;
}

/** What the registry's 404 means here, in words; anything else as client.ts maps it (503 when the registry is down). */
function registryFailure(error: unknown, what: string): unknown {
  if (error instanceof RegistryRequestError && error.status === 404)
    return new ApiError('SCHEMA_NOT_FOUND', `${what} is not in the schema registry (${error.message})`);
  return toApiError(error);
}

/** The schema id a choice names: a subject's version is asked of the registry each time ("latest" moves). */
async function schemaIdOf(config: SchemaRegistryConfig, choice: SchemaChoice): Promise<number> {
  if ('id' in choice) return choice.id;
  const version = String(choice.version ?? 'latest');
  try {
    const found = await registryRequest<{ id: number }>(config, `/subjects/${encodeURIComponent(choice.subject)}/versions/${encodeURIComponent(version)}`);
    return found.id;
  } catch (error) {
    throw registryFailure(error, `Subject "${choice.subject}" version ${version}`);
  }
}

/** The encoder for schema `id`, compiled once; a failed lookup is not kept (the registry may come back). */
function encoderFor(cache: ClusterEncoders, id: number, message: string | undefined): Promise<CompiledEncoder> {
  const key = `${id}\u0000${message ?? ''}`;
  const cached = cache.byId.get(key);
  if (cached) {
    cache.byId.delete(key); // re-inserted: most recently used last
    cache.byId.set(key, cached);
    return cached;
  }
  const pending = (async () => {
    let schema: Awaited<ReturnType<typeof fetchResolvedSchema>>;
    try {
      schema = await fetchResolvedSchema(cache.config, id);
    } catch (error) {
      throw registryFailure(error, `Schema id ${id}`);
    }
    try {
      return compileEncoder(id, schema, message);
    } catch (error) {
      if (error instanceof SchemaValidationError) throw badRequest(error.message, 'SCHEMA_VALIDATION');
      throw badRequest(`Schema ${id} cannot be used to encode: ${(error as Error).message}`, 'UNUSABLE_SCHEMA');
    }
  })();
  cache.byId.set(key, pending);
  pending.catch(() => cache.byId.delete(key));
  if (cache.byId.size > MAX_CACHED_ENCODERS) cache.byId.delete(cache.byId.keys().next().value!);
  return pending;
}

type Field = string | null | undefined | SchemaEncodedField;
type Encoded<M> = Omit<M, 'key' | 'value'> & { key?: Buffer | string | null; value: Buffer | string | null };

/**
 * Keys and values given as `{ schema, json }` encoded with their registry schema and framed, the
 * others left as they are. Every record is checked before anything is written: a record that does
 * not match its schema is a 400 naming the field (`value.status: expected int, got "x"`), a
 * registry that does not answer a 503. Each schema is looked up once per request.
 */
export async function encodeSchemaFields<M extends { key?: Field; value: Field }>(cluster: string, messages: M[]): Promise<Encoded<M>[]> {
  if (!messages.some((m) => isSchemaEncoded(m.key) || isSchemaEncoded(m.value))) return messages as Encoded<M>[];
  const config = clusterConfig(cluster).schemaRegistry;
  if (!config)
    throw badRequest(
      `No schema registry is configured for cluster "${cluster}" (SCHEMA_REGISTRY_URL, or schemaRegistry in KAFKA_CLUSTERS)`,
      'NO_SCHEMA_REGISTRY',
    );
  const cache = encodersFor(cluster, config);
  const lookups = new Map<string, Promise<CompiledEncoder>>();
  const lookup = (choice: SchemaChoice) => {
    const key = JSON.stringify(choice);
    let found = lookups.get(key);
    if (!found) {
      found = schemaIdOf(config, choice).then((id) => encoderFor(cache, id, choice.message));
      found.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      lookups.set(key, found);
    }
    return found;
  };
  for (const m of messages) for (const field of [m.key, m.value]) if (isSchemaEncoded(field)) lookup(field.schema);
  const encode = async (field: Field, side: 'key' | 'value', index: number) => {
    if (!isSchemaEncoded(field)) return field ?? null;
    const encoder = await lookup(field.schema);
    try {
      return encoder.encode(field.json, side);
    } catch (error) {
      if (!(error instanceof SchemaValidationError)) throw error;
      throw badRequest(messages.length > 1 ? `message ${index + 1}: ${error.message}` : error.message, 'SCHEMA_VALIDATION');
    }
  };
  // In order, so the error is the first bad record's; schemas were looked up once each, above.
  const encoded: Encoded<M>[] = [];
  for (const [i, m] of messages.entries()) encoded.push({ ...m, key: await encode(m.key, 'key', i), value: await encode(m.value, 'value', i) });
  return encoded;
}
