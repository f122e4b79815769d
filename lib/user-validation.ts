import { z } from '@/lib/zod';
import { MAX_ITERATIONS, MIN_ITERATIONS, SCRAM_MECHANISMS } from './scram-credential';

/** Kafka's user names are free strings; control characters would only make them unreadable. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
export const MAX_USER_NAME = 255;
export const MAX_PASSWORD = 1024;

export const userNameSchema = z
  .string({ error: 'name is required' })
  .min(1, { error: 'name is required' })
  .max(MAX_USER_NAME, { error: `name is at most ${MAX_USER_NAME} characters` })
  .refine((name) => !CONTROL.test(name), { error: 'name must not contain control characters' });

export const mechanismSchema = z.enum(SCRAM_MECHANISMS, { error: 'mechanism must be SCRAM-SHA-256 or SCRAM-SHA-512' });

/**
 * The body of POST …/users. Pure. The messages never quote the password (zod's defaults do not
 * either; these say what is wrong in words).
 */
export const scramUserSchema = z.object({
  name: userNameSchema,
  mechanism: mechanismSchema,
  password: z
    .string({ error: 'password is required' })
    .min(1, { error: 'password is required' })
    .max(MAX_PASSWORD, { error: `password is at most ${MAX_PASSWORD} characters` }),
  iterations: z
    .number({ error: 'iterations must be a number' })
    .int({ error: 'iterations must be a whole number' })
    .min(MIN_ITERATIONS, { error: `iterations must be at least ${MIN_ITERATIONS} (Kafka's minimum)` })
    .max(MAX_ITERATIONS, { error: `iterations must be at most ${MAX_ITERATIONS} (Kafka's maximum)` })
    .optional(),
});

/** POST …/users: creates the user or replaces its password for that mechanism (iterations: default 4096). */
export type ScramUserInput = z.infer<typeof scramUserSchema>;
