import { z } from 'zod';
import { nameRecord } from './name-record';
import { configValueProblem } from './topic-configs';

/** Kafka's topic name rules (org.apache.kafka.common.internals.Topic). Pure, used by form and server. */
export const TOPIC_NAME_MAX_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;
export const MAX_PARTITIONS_PER_REQUEST = 10_000;

/** Why `name` cannot be a topic name, or null when it can. */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return 'Topic name is required';
  if (name === '.' || name === '..') return 'Topic name cannot be "." or ".."';
  if (name.length > TOPIC_NAME_MAX_LENGTH) return `Topic name is ${name.length} characters long; at most ${TOPIC_NAME_MAX_LENGTH} are allowed`;
  if (!LEGAL.test(name)) return 'Topic name may only contain ASCII letters, digits, ".", "_" and "-"';
  return null;
}

/** Kafka metric names turn "." into "_", so "a.b" and "a_b" collide: worth a warning, not a refusal. */
export function topicNameWarning(name: string): string | null {
  return name.includes('.') && name.includes('_')
    ? 'Mixing "." and "_" in a name can collide with another topic in metric names'
    : null;
}

const wholeNumber = (what: string, min: number, max?: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a number`) })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error: `${what} must be at most ${max}` });

export const createTopicSchema = z.object({
  name: z
    .string({ error: 'Topic name is required' })
    .superRefine((name, ctx) => {
      const problem = topicNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  partitions: wholeNumber('Partitions', 1, MAX_PARTITIONS_PER_REQUEST),
  replicationFactor: wholeNumber('Replication factor', 1, 32767),
  configs: nameRecord(z.string({ error: 'Config values must be strings' }), { what: 'configs', emptyName: 'Config names cannot be empty' })
    .optional()
    .superRefine((configs, ctx) => {
      for (const [name, value] of Object.entries(configs ?? {})) {
        const problem = configValueProblem(name, value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [name] });
      }
    }),
});

export const addPartitionsSchema = z.object({ count: wholeNumber('Partition count', 1, 1_000_000) });

export const alterConfigsSchema = z.object({
  configs: nameRecord(z.union([z.string(), z.null()], { error: 'Config values must be strings, or null to reset' }), { what: 'configs', emptyName: 'Config names cannot be empty' })
    .refine((c) => Object.keys(c).length > 0, { error: 'Name at least one config to change' })
    .superRefine((configs, ctx) => {
      for (const [name, value] of Object.entries(configs)) {
        const problem = value === null ? null : configValueProblem(name, value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [name] });
      }
    }),
});

/** The first problem of a zod error, worded for a person. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length && !issue.message.includes(String(issue.path.at(-1))) ? `${issue.path.join('.')}: ` : '';
  return where + issue.message;
}
