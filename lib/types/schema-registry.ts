/** What the schema-registry endpoints return; shared by route handlers, hooks and components. */

export const SCHEMA_TYPES = ['AVRO', 'PROTOBUF', 'JSON'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/** Confluent's compatibility levels, as its API names them. */
export const COMPATIBILITY_LEVELS = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export interface SubjectSummary {
  subject: string;
  latestVersion: number;
  /** null where the registry does not say (Apicurio does not read a soft-deleted subject's versions). */
  schemaType: SchemaType | null;
  /** The level the registry applies to the subject (its own, or the global one). */
  compatibility: string | null;
  /** Only with `?deleted=true`: every version of the subject is soft-deleted. */
  deleted?: boolean;
}

export interface SubjectList {
  subjects: SubjectSummary[];
}

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface SubjectVersions {
  subject: string;
  /** The live versions, ascending. */
  versions: number[];
  /** Versions soft-deleted but still kept (a hard delete removes them), ascending. */
  softDeleted: number[];
}

export interface SchemaVersion {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  /** The schema as the registry holds it (text; a JSON document for Avro and JSON Schema). */
  schema: string;
  references: SchemaReference[];
  /** True when this version is soft-deleted (read with `?deleted=true`). */
  deleted: boolean;
}

export interface RegisterSchemaResult {
  subject: string;
  id: number;
  version: number;
}

export interface CompatibilityConfig {
  /** null for the global level. */
  subject: string | null;
  compatibility: string;
}
