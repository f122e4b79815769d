import 'server-only';
import { basicAuthHeader, withoutTrailingSlashes } from '../neighbour-http';
import type { SchemaRegistryConfig } from '@/lib/config';
import type { ApiErrorCode } from '@/lib/api-errors';
import { ApiError } from '../errors';
import type { ResolvedSchema, SchemaType } from './decoders';

/** A registry request that took longer is taken as "registry down": the tail must not wait on it. */
const TIMEOUT_MS = 5000;
/** Reference chains deeper than this are refused (a cycle, or a registry answering nonsense). */
const MAX_REFERENCE_DEPTH = 10;

/** The registry could not be reached or answered 5xx. */
export class RegistryUnavailableError extends Error {}

/** The Confluent API's answer to a failed request, kept for the routes that pass it on. */
export class RegistryRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | null,
    message: string,
  ) {
    super(message);
  }
}

const authHeader = basicAuthHeader; // shared with the other neighbour client (lib/kafka/neighbour-http.ts)

/**
 * One request to the registry's Confluent-compatible API; the JSON answer, or a RegistryRequestError
 * with the registry's own message (4xx), or RegistryUnavailableError (no answer, 5xx).
 */
export async function registryRequest<T>(config: SchemaRegistryConfig, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${withoutTrailingSlashes(config.url)}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Accept: 'application/vnd.schemaregistry.v1+json, application/json',
        'Content-Type': 'application/vnd.schemaregistry.v1+json',
        ...authHeader(config),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new RegistryUnavailableError(`the schema registry at ${config.url} does not answer (${(error as Error).message})`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: handled below by status.
  }
  if (response.status >= 500) throw new RegistryUnavailableError(`the schema registry answered ${response.status}`);
  if (!response.ok) {
    const body = (json ?? {}) as { message?: unknown; error_code?: unknown };
    const message = typeof body.message === 'string' ? body.message : `the schema registry answered ${response.status}`;
    throw new RegistryRequestError(response.status, typeof body.error_code === 'number' ? body.error_code : null, message);
  }
  return json as T;
}

interface RegistrySchema {
  schema: string;
  schemaType?: SchemaType;
  references?: { name: string; subject: string; version: number }[];
}

/** A schema as the decoders need it: with every schema it references fetched too. */
export async function fetchResolvedSchema(config: SchemaRegistryConfig, id: number): Promise<ResolvedSchema> {
  const root = await registryRequest<RegistrySchema>(config, `/schemas/ids/${id}`);
  return resolve(config, root, 0);
}

async function resolve(config: SchemaRegistryConfig, schema: RegistrySchema, depth: number): Promise<ResolvedSchema> {
  if (depth > MAX_REFERENCE_DEPTH) throw new RegistryRequestError(422, null, `schema references nest deeper than ${MAX_REFERENCE_DEPTH}`);
  const references = await Promise.all(
    (schema.references ?? []).map(async (ref) => {
      const referenced = await registryRequest<RegistrySchema>(
        config,
        `/subjects/${encodeURIComponent(ref.subject)}/versions/${encodeURIComponent(String(ref.version))}`,
      );
      return { name: ref.name, schema: await resolve(config, referenced, depth + 1) };
    }),
  );
  return { schemaType: schema.schemaType ?? 'AVRO', schema: schema.schema, references };
}

/** The first subject and version registered with schema `id`, if the registry says. */
export async function subjectOf(config: SchemaRegistryConfig, id: number): Promise<{ subject: string; version: number } | null> {
  try {
    const list = await registryRequest<{ subject: string; version: number }[]>(config, `/schemas/ids/${id}/versions`);
    return Array.isArray(list) && list.length ? { subject: list[0].subject, version: list[0].version } : null;
  } catch (error) {
    if (error instanceof RegistryRequestError) return null;
    throw error;
  }
}

/**
 * Confluent's error_code → our code. Registries differ in the HTTP status of the same condition
 * (Apicurio answers 409 where Confluent answers 404 to "soft-delete it first"), so the error_code
 * decides where it is known.
 */
const REGISTRY_CODES = new Map<number, ApiErrorCode>([
  [40401, 'SUBJECT_NOT_FOUND'],
  [40402, 'VERSION_NOT_FOUND'],
  [40403, 'SCHEMA_NOT_FOUND'],
  [40404, 'SUBJECT_SOFT_DELETED'],
  [40405, 'NOT_SOFT_DELETED'],
  [40406, 'VERSION_SOFT_DELETED'],
  [40407, 'NOT_SOFT_DELETED'],
  [409, 'INCOMPATIBLE_SCHEMA'],
  [42201, 'INVALID_SCHEMA'],
  [42202, 'INVALID_VERSION'],
  [42203, 'INVALID_COMPATIBILITY_LEVEL'],
  [42206, 'SCHEMA_REFERENCED'],
]);

/** The catalogue code for a registry's refusal: by its error_code where known, else by its status. */
export function registryErrorCode(error: RegistryRequestError): ApiErrorCode {
  if (error.status === 401 || error.status === 403) return 'SCHEMA_REGISTRY_REFUSED';
  const known = error.errorCode === null ? undefined : REGISTRY_CODES.get(error.errorCode);
  if (known) return known;
  if (error.status === 404) return 'NOT_FOUND';
  if (error.status === 409) return 'SCHEMA_REGISTRY_CONFLICT';
  if (error.status === 422) return 'INVALID_SCHEMA';
  return 'SCHEMA_REGISTRY_REJECTED';
}

/** A registry failure as the API answers it: the registry's message under our code, 503 when it is down. */
export function toApiError(error: unknown): unknown {
  if (error instanceof RegistryUnavailableError) return new ApiError('SCHEMA_REGISTRY_UNAVAILABLE', error.message);
  if (error instanceof RegistryRequestError) return new ApiError(registryErrorCode(error), error.message);
  return error;
}
