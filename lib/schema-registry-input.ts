import { z } from '@/lib/zod';
import { COMPATIBILITY_LEVELS, SCHEMA_TYPES } from '@/lib/types/schema-registry';

/**
 * What the schema-registry routes accept, checked before anything reaches the registry. Pure, used
 * by the routes and the forms. Subject names are the user's (any text the registry takes), so they
 * are only bounded here; they are URL-encoded on the way to the registry.
 */

/** Longer than any TopicNameStrategy name (249 + "-value") and any sane record name. */
export const MAX_SUBJECT_LENGTH = 1000;
const MAX_VERSION = 2 ** 31 - 1;

/** Why `subject` cannot be sent to the registry, or null. */
export function subjectProblem(subject: string): string | null {
  if (subject.length === 0) return 'Subject name is required';
  if (subject.length > MAX_SUBJECT_LENGTH) return `Subject name is ${subject.length} characters long; at most ${MAX_SUBJECT_LENGTH} are allowed`;
  for (let i = 0; i < subject.length; i++) {
    const code = subject.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return 'Subject name cannot contain control characters';
  }
  return null;
}

/**
 * A version as the registry's paths take it: a positive number, or "latest" (Confluent's -1 too).
 * Null when it is neither.
 */
export function parseVersion(text: string): number | 'latest' | null {
  if (text === 'latest' || text === '-1') return 'latest';
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const version = Number(text);
  return version <= MAX_VERSION ? version : null;
}

const subjectName = z.string({ error: 'subject must be a string' }).superRefine((value, ctx) => {
  const problem = subjectProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const referenceSchema = z.object({
  name: z.string({ error: 'references.name must be a string' }).min(1, 'A reference needs the name its schema imports it by'),
  subject: subjectName,
  version: z
    .number({ error: 'references.version must be a number' })
    .int('references.version must be a whole number')
    .min(1, 'references.version must be at least 1')
    .max(MAX_VERSION),
});

export const registerSchemaBody = z
  .object({
    schema: z.string({ error: 'schema must be a string' }).refine((s) => s.trim().length > 0, 'The schema is empty'),
    schemaType: z.enum(SCHEMA_TYPES, { error: `schemaType must be one of ${SCHEMA_TYPES.join(', ')}` }).default('AVRO'),
    references: z.array(referenceSchema).max(100, 'At most 100 references').default([]),
  })
  .superRefine((body, ctx) => {
    const problem = schemaTextProblem(body.schema, body.schemaType);
    if (problem) ctx.addIssue({ code: 'custom', path: ['schema'], message: problem });
  });

/** POST …/subjects/{s}/versions, as the register form sends it (schemaType AVRO and no references by default). */
export type RegisterSchemaRequest = z.input<typeof registerSchemaBody>;

export const compatibilityBody = z.object({
  compatibility: z.enum(COMPATIBILITY_LEVELS, { error: `compatibility must be one of ${COMPATIBILITY_LEVELS.join(', ')}` }),
});

/**
 * Avro and JSON Schema are JSON documents: a typo is named here, with JSON's own message, rather
 * than by the registry's vaguer refusal (Apicurio: "Failed to discover artifact type from content").
 */
export function schemaTextProblem(schema: string, schemaType: string): string | null {
  if (schemaType === 'PROTOBUF') return null;
  try {
    JSON.parse(schema);
    return null;
  } catch (error) {
    return `The ${schemaType === 'AVRO' ? 'Avro' : 'JSON'} schema is not valid JSON: ${(error as Error).message}`;
  }
}

/** `?permanent=true` (hard delete) / `?deleted=true` (include soft-deleted): only "true" switches them on. */
export function flag(url: string, name: string): boolean {
  return new URL(url).searchParams.get(name) === 'true';
}
