import 'server-only';
import type { SchemaRegistryConfig } from '@/lib/config';
import { parseVersion, subjectProblem } from '@/lib/schema-registry-input';
import { ApiError, badRequest } from '../errors';
import { clusterConfig } from '../clients';
import { RegistryRequestError, RegistryUnavailableError, registryErrorCode, registryRequest } from './client';

/**
 * The registry pages' door to a cluster's schema registry: which one it is, requests with subject
 * names encoded, and the registry's refusals as the API answers them.
 */

/** The cluster's registry, or a 404 saying how to configure one (the same answer on every route). */
export function registryFor(cluster: string): SchemaRegistryConfig {
  const config = clusterConfig(cluster).schemaRegistry;
  if (!config) {
    throw new ApiError(
      'SCHEMA_REGISTRY_NOT_CONFIGURED',
      `Cluster "${cluster}" has no schema registry: set SCHEMA_REGISTRY_URL, or schemaRegistry.url for it in KAFKA_CLUSTERS`,
    );
  }
  return config;
}

/** `/subjects/<subject>` with the name encoded: a subject may hold "/", "?", "%" or be "__proto__". */
export const subjectPath = (subject: string) => `/subjects/${encodeURIComponent(subject)}`;

/** The registry's address as shown to users: without any credentials written into it. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'configured';
  }
}

/** A registry failure as the API answers it: the registry's own message, and 503 naming it when it is down. */
export function registryApiError(config: SchemaRegistryConfig, error: unknown): unknown {
  const where = shownUrl(config.url);
  if (error instanceof RegistryUnavailableError) {
    return new ApiError('SCHEMA_REGISTRY_UNAVAILABLE', `Schema registry unavailable (${where}): ${error.message}`);
  }
  if (!(error instanceof RegistryRequestError)) return error;
  const code = registryErrorCode(error);
  // Not the dashboard user's session: the registry refused the dashboard's own credentials.
  if (code === 'SCHEMA_REGISTRY_REFUSED') return new ApiError(code, `The schema registry (${where}) refused the dashboard's credentials: ${error.message}`);
  return new ApiError(code, error.message);
}

/** One request, failures turned into ApiErrors. */
export async function callRegistry<T>(config: SchemaRegistryConfig, path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  try {
    return await registryRequest<T>(config, path, init);
  } catch (error) {
    throw registryApiError(config, error);
  }
}

/** A 404 from the registry (the subject or version is not there) as null; anything else throws. */
export async function orMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Runs `task` over `items` with at most `limit` requests in flight: a registry with 1,000 subjects is not hit by 1,000 at once. */
export async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A subject from the URL, refused with 400 before the registry is asked when it cannot be one. */
export function subjectParam(subject: string): string {
  const problem = subjectProblem(subject);
  if (problem) throw badRequest(problem, 'INVALID_SUBJECT');
  return subject;
}

/** A version from the URL: a positive number or "latest" (numbers only where `exact`, e.g. deletes). */
export function versionParam(text: string, { exact = false } = {}): number | 'latest' {
  const version = parseVersion(text);
  if (version === null || (exact && version === 'latest')) {
    throw badRequest(`Version must be ${exact ? 'a version number' : 'a version number or "latest"'}, not "${text.slice(0, 50)}"`, 'INVALID_VERSION');
  }
  return version;
}
