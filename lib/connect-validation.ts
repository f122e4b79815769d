import { z } from '@/lib/zod';

/** Connect keeps every config value as a string; numbers and booleans typed in JSON are sent as text. */
const configValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A connector config: string keys to string values, built without a prototype (keys are user data). */
export const connectorConfigSchema = z
  .record(z.string().min(1), configValue)
  .transform((config) => Object.assign(Object.create(null) as Record<string, string>, config));

export const connectorNameSchema = z.string().trim().min(1, 'a connector needs a name').max(249, 'a connector name is at most 249 characters');

export const createConnectorSchema = z.object({ name: connectorNameSchema, config: connectorConfigSchema });

/** KIP-875's body for PATCH …/offsets: a list of { partition, offset } in the connector's own terms. */
export const alterOffsetsSchema = z.object({
  offsets: z
    .array(z.object({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() }))
    .min(1, 'give at least one offset'),
});
