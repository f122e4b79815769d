/** Producing with a registry schema: shared by the produce route, lib/kafka and the form. */
import type { schemaEncodedField } from '@/lib/schema-field';
import type { z } from '@/lib/zod';

/** A key or value the server encodes with a registry schema: the record typed as JSON (checked by lib/schema-field.ts). */
export type SchemaEncodedField = z.infer<typeof schemaEncodedField>;

/** Which registry schema: a subject's version (the latest by default) or a schema id; `message` picks a Protobuf message other than the file's first. */
export type SchemaChoice = SchemaEncodedField['schema'];

/** True for a key or value to encode, as opposed to text (or null). */
export const isSchemaEncoded = (field: unknown): field is SchemaEncodedField => typeof field === 'object' && field !== null && 'schema' in field;

/** GET …/messages/schemas: the subjects the produce form offers. */
export interface ProduceSubjects {
  /** False when the cluster has no schema registry configured. */
  configured: boolean;
  subjects: string[];
  /** `<topic>-value` / `<topic>-key` when the registry has them (TopicNameStrategy). */
  valueSubject: string | null;
  keySubject: string | null;
}
