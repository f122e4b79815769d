import 'server-only';
import type { SchemaRegistryConfig } from '@/lib/config';
import { ApiError } from '../errors';
import type { CompatibilityConfig, CompatibilityLevel, RegisterSchemaResult, SchemaReference, SchemaType } from '@/lib/types/schema-registry';
import { callRegistry, registryFor, subjectPath } from './registry-access';
import { forgetListings } from './subjects';

/** Changes to a cluster's schema registry: each goes through the registry's own checks. */

export interface NewSchema {
  schema: string;
  schemaType: SchemaType;
  references: SchemaReference[];
}

/**
 * Registers `schema` as the subject's next version; the registry applies the subject's
 * compatibility level and refuses with its own message (409). Registering the latest schema again
 * adds no version (the registry answers the existing one).
 */
export async function registerVersion(cluster: string, subject: string, schema: NewSchema): Promise<RegisterSchemaResult> {
  const config = registryFor(cluster);
  const body = { schema: schema.schema, schemaType: schema.schemaType, references: schema.references };
  try {
    const { id } = await callRegistry<{ id: number }>(config, `${subjectPath(subject)}/versions`, { method: 'POST', body });
    // The register answer has only the id; the lookup names the version it became.
    const found = await callRegistry<{ version: number }>(config, subjectPath(subject), { method: 'POST', body });
    return { subject, id, version: found.version };
  } finally {
    forgetListings(cluster);
  }
}

const compatibilityPath = (subject: string | null) => (subject === null ? '/config' : `/config/${encodeURIComponent(subject)}`);

/** The level in force: the subject's own, else the global one; `subject` null for the global level. */
export async function getCompatibility(cluster: string, subject: string | null): Promise<CompatibilityConfig> {
  const config = registryFor(cluster);
  const path = subject === null ? '/config' : `${compatibilityPath(subject)}?defaultToGlobal=true`;
  const answer = await callRegistry<{ compatibilityLevel?: string }>(config, path);
  if (!answer?.compatibilityLevel) throw new ApiError('SCHEMA_REGISTRY_ERROR', 'The schema registry did not say the compatibility level');
  return { subject, compatibility: answer.compatibilityLevel };
}

/** Sets the subject's (or, with null, the global) compatibility level. */
export async function setCompatibility(cluster: string, subject: string | null, level: CompatibilityLevel): Promise<CompatibilityConfig> {
  const config = registryFor(cluster);
  try {
    await callRegistry(config, compatibilityPath(subject), { method: 'PUT', body: { compatibility: level } });
  } finally {
    forgetListings(cluster);
  }
  return getCompatibility(cluster, subject);
}

/** Drops the subject's own level: the global one applies again. */
export async function resetCompatibility(cluster: string, subject: string): Promise<CompatibilityConfig> {
  const config = registryFor(cluster);
  try {
    await callRegistry(config, compatibilityPath(subject), { method: 'DELETE' });
  } finally {
    forgetListings(cluster);
  }
  return getCompatibility(cluster, subject);
}

/**
 * Soft delete (the registry keeps the schemas, ids stay resolvable) or, with `permanent`, hard
 * delete. Registries hard-delete only what is soft-deleted already, so a hard delete soft-deletes
 * first: one confirmed action for the user.
 */
async function remove(config: SchemaRegistryConfig, path: string, permanent: boolean): Promise<unknown> {
  if (permanent) {
    try {
      await callRegistry(config, path, { method: 'DELETE' });
    } catch (error) {
      // Already soft-deleted (or gone: the hard delete below says which).
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  return callRegistry(config, permanent ? `${path}?permanent=true` : path, { method: 'DELETE' });
}

/** Deletes every version of the subject; answers the versions deleted. */
export async function deleteSubject(cluster: string, subject: string, permanent: boolean): Promise<number[]> {
  const config = registryFor(cluster);
  try {
    const versions = await remove(config, subjectPath(subject), permanent);
    return Array.isArray(versions) ? versions.filter((v): v is number => typeof v === 'number') : [];
  } finally {
    forgetListings(cluster);
  }
}

/** Deletes one version; answers its number. */
export async function deleteVersion(cluster: string, subject: string, version: number, permanent: boolean): Promise<number> {
  const config = registryFor(cluster);
  try {
    const deleted = await remove(config, `${subjectPath(subject)}/versions/${version}`, permanent);
    return typeof deleted === 'number' ? deleted : version;
  } finally {
    forgetListings(cluster);
  }
}
