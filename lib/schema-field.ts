import { z } from '@/lib/zod';

/**
 * The request shape of a key or value to encode with a registry schema (POST …/messages):
 * `{ "schema": { "subject", "version"?, "message"? } | { "id", "message"? }, "json": <the record> }`.
 */
const message = z.string({ error: 'schema.message must be a Protobuf message name' }).min(1, { error: 'schema.message cannot be empty' }).optional();

const schemaChoice = z.union(
  [
    z.strictObject({
      subject: z.string({ error: 'schema.subject must be a string' }).min(1, { error: 'schema.subject cannot be empty' }),
      version: z
        .union(
          [
            z
              .number()
              .int()
              .min(1, { error: 'schema.version must be 1 or more' })
              .max(2 ** 31 - 1),
            z.literal('latest'),
          ],
          { error: 'schema.version must be a version number or "latest"' },
        )
        .optional(),
      message,
    }),
    z.strictObject({
      id: z
        .number({ error: 'schema.id must be a number' })
        .int()
        .min(1)
        .max(2 ** 31 - 1, { error: 'schema.id is out of range' }),
      message,
    }),
  ],
  { error: 'schema must be { subject, version? } or { id }' },
);

export const schemaEncodedField = z.strictObject({
  schema: schemaChoice,
  json: z.json({ error: 'json must be the record as JSON' }),
});

/** A key or value: text, null, or a record to encode with a registry schema. */
export const produceField = (what: 'key' | 'value') =>
  z.union([z.string().nullable(), schemaEncodedField], {
    error: `${what} must be a string${what === 'value' ? ', null for a tombstone,' : ' or null'} or { schema, json } to encode with a registry schema`,
  });
