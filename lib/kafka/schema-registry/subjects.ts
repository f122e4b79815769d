import 'server-only';
import type { SchemaRegistryConfig } from '@/lib/config';
import { notFound } from '../errors';
import type { SchemaReference, SchemaType, SchemaVersion, SubjectSummary, SubjectVersions } from '@/lib/types/schema-registry';
import { callRegistry, mapLimited, orMissing, registryFor, subjectPath } from './registry-access';

/** Requests in flight per subject list: the registry's other clients (the tail's decoders) keep their turn. */
const CONCURRENCY = 8;
/** A listing is shared by everyone asking within this time (ten tabs cost one pass over the registry). */
const LIST_FOR_MS = 2000;

interface RegistryVersion {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
}

/** Confluent's `GET /schemas?latestOnly=true` entry; Apicurio's carries only `schema`. */
interface RegistrySchemaEntry {
  subject?: string;
  version?: number;
  schemaType?: SchemaType;
}

/** Registries whose `/schemas` does not name subjects: the listing stops asking them. */
const withoutSubjectsInSchemas = new WeakSet<SchemaRegistryConfig>();
const listings = new Map<string, { at: number; promise: Promise<SubjectSummary[]> }>();

/** Forgets shared listings: after a change through the dashboard, the next listing shows it. */
export function forgetListings(cluster: string) {
  for (const key of listings.keys()) if (key.startsWith(`${cluster}\n`)) listings.delete(key);
}

/**
 * Every subject with its latest version, schema type and effective compatibility. Confluent's
 * registry gives the latest versions in one request (`/schemas?latestOnly=true`); where that does
 * not name subjects (Apicurio's ccompat API), one request per subject. Compatibility is per subject
 * on every registry (there is no bulk `/config`), at most CONCURRENCY at a time.
 */
export function listSubjects(cluster: string, { deleted = false } = {}): Promise<SubjectSummary[]> {
  const config = registryFor(cluster);
  const key = `${cluster}\n${deleted}`;
  const shared = listings.get(key);
  if (shared && Date.now() - shared.at < LIST_FOR_MS) return shared.promise;
  const promise = readSubjects(config, deleted);
  listings.set(key, { at: Date.now(), promise });
  promise.catch(() => listings.delete(key));
  return promise;
}

async function readSubjects(config: SchemaRegistryConfig, deleted: boolean): Promise<SubjectSummary[]> {
  const askSchemas = !withoutSubjectsInSchemas.has(config);
  const [live, all, global, latest] = await Promise.all([
    callRegistry<string[]>(config, '/subjects'),
    deleted ? callRegistry<string[]>(config, '/subjects?deleted=true') : Promise.resolve([] as string[]),
    callRegistry<{ compatibilityLevel?: string }>(config, '/config'),
    askSchemas ? orMissing(callRegistry<RegistrySchemaEntry[]>(config, '/schemas?latestOnly=true')) : Promise.resolve(null),
  ]);
  const latestBySubject = new Map<string, { version: number; schemaType: SchemaType }>();
  for (const entry of latest ?? []) {
    if (typeof entry.subject !== 'string' || typeof entry.version !== 'number') continue;
    const known = latestBySubject.get(entry.subject);
    if (!known || known.version < entry.version)
      latestBySubject.set(entry.subject, { version: entry.version, schemaType: entry.schemaType ?? ('AVRO' as SchemaType) });
  }
  if (askSchemas && latest?.length && latestBySubject.size === 0) withoutSubjectsInSchemas.add(config);
  const liveSet = new Set(live);
  const names = [...new Set([...live, ...all])].sort((a, b) => a.localeCompare(b));
  const rows = await mapLimited(names, CONCURRENCY, async (subject): Promise<SubjectSummary | null> => {
    const softDeleted = !liveSet.has(subject);
    const [head, compatibility] = await Promise.all([
      softDeleted ? latestSoftDeleted(config, subject) : (latestBySubject.get(subject) ?? latestLive(config, subject)),
      orMissing(callRegistry<{ compatibilityLevel?: string }>(config, `/config/${encodeURIComponent(subject)}?defaultToGlobal=true`)),
    ]);
    // Deleted between the two requests: left out rather than shown half.
    if (!head) return null;
    const row: SubjectSummary = {
      subject,
      latestVersion: head.version,
      schemaType: head.schemaType,
      compatibility: compatibility?.compatibilityLevel ?? global.compatibilityLevel ?? null,
    };
    if (deleted) row.deleted = softDeleted;
    return row;
  });
  return rows.filter((row): row is SubjectSummary => row !== null);
}

async function latestLive(config: SchemaRegistryConfig, subject: string) {
  const version = await orMissing(callRegistry<RegistryVersion>(config, `${subjectPath(subject)}/versions/latest`));
  return version && { version: version.version, schemaType: version.schemaType ?? 'AVRO' };
}

async function latestSoftDeleted(config: SchemaRegistryConfig, subject: string) {
  const versions = await orMissing(callRegistry<number[]>(config, `${subjectPath(subject)}/versions?deleted=true`));
  if (!versions?.length) return null;
  const last = Math.max(...versions);
  const version = await orMissing(callRegistry<RegistryVersion>(config, `${subjectPath(subject)}/versions/${last}?deleted=true`));
  return { version: last, schemaType: version ? (version.schemaType ?? 'AVRO') : null };
}

/** The subject's live versions and those soft-deleted (kept until a hard delete): two requests. */
export async function listVersions(cluster: string, subject: string): Promise<SubjectVersions> {
  const config = registryFor(cluster);
  const [live, all] = await Promise.all([
    orMissing(callRegistry<number[]>(config, `${subjectPath(subject)}/versions`)),
    orMissing(callRegistry<number[]>(config, `${subjectPath(subject)}/versions?deleted=true`)),
  ]);
  if (!live && !all?.length) throw notFound('SUBJECT_NOT_FOUND', `Subject "${subject}" not found in the schema registry`);
  const versions = [...(live ?? [])].sort((a, b) => a - b);
  const liveSet = new Set(versions);
  return { subject, versions, softDeleted: (all ?? []).filter((v) => !liveSet.has(v)).sort((a, b) => a - b) };
}

/** One version's schema text, id, type and references; a soft-deleted version is read too, and marked. */
export async function getVersion(cluster: string, subject: string, version: number | 'latest'): Promise<SchemaVersion> {
  const config = registryFor(cluster);
  const path = `${subjectPath(subject)}/versions/${version}`;
  const [found, live] = await Promise.all([
    callRegistry<RegistryVersion>(config, version === 'latest' ? path : `${path}?deleted=true`),
    version === 'latest' ? Promise.resolve(null) : orMissing(callRegistry<number[]>(config, `${subjectPath(subject)}/versions`)),
  ]);
  return {
    subject,
    version: found.version,
    id: found.id,
    schemaType: found.schemaType ?? 'AVRO',
    schema: found.schema,
    references: (found.references ?? []).map(({ name, subject: referenced, version: v }) => ({ name, subject: referenced, version: v })),
    deleted: version !== 'latest' && !(live ?? []).includes(found.version),
  };
}
