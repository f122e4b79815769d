import { z } from '@/lib/zod';
import { MAX_PARTITIONS, MAX_PROTOCOL_STRING_BYTES, MAX_REPLICATION_FACTOR, utf8Length } from './limits';
import { nameRecord } from './name-record';
import { configValueProblem } from './topic-configs';

/** Kafka's topic name rules (org.apache.kafka.common.internals.Topic). Pure, used by form and server. */
export const TOPIC_NAME_MAX_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

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
  return name.includes('.') && name.includes('_') ? 'Mixing "." and "_" in a name can collide with another topic in metric names' : null;
}

const wholeNumber = (what: string, min: number, max?: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a number`) })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error: `${what} must be at most ${max?.toLocaleString('en-US')}` });

/**
 * Adds an issue per config that cannot be sent: names and values travel as int16-length strings
 * (a too-long name is not echoed back), and known configs have typed values (null resets).
 */
function checkConfigs(configs: Record<string, string | null>, ctx: z.RefinementCtx) {
  const limit = MAX_PROTOCOL_STRING_BYTES.toLocaleString('en-US');
  for (const [name, value] of Object.entries(configs)) {
    if (utf8Length(name) > MAX_PROTOCOL_STRING_BYTES) {
      ctx.addIssue({ code: 'custom', message: `Config names are at most ${limit} bytes` });
      continue;
    }
    const problem =
      value !== null && utf8Length(value) > MAX_PROTOCOL_STRING_BYTES
        ? `${name} is ${utf8Length(value).toLocaleString('en-US')} bytes long; config values are at most ${limit} bytes`
        : value === null
          ? null
          : configValueProblem(name, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [name] });
  }
}

export const createTopicSchema = z.object({
  name: z.string({ error: 'Topic name is required' }).superRefine((name, ctx) => {
    const problem = topicNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  partitions: wholeNumber('Partitions', 1, MAX_PARTITIONS),
  replicationFactor: wholeNumber('Replication factor', 1, MAX_REPLICATION_FACTOR),
  configs: nameRecord(z.string({ error: 'Config values must be strings' }), { what: 'configs', emptyName: 'Config names cannot be empty' })
    .optional()
    .superRefine((configs, ctx) => checkConfigs(configs ?? {}, ctx)),
});

/** The body of POST …/topics, as the create-topic form builds it and createTopic takes it. */
export type CreateTopicRequest = z.infer<typeof createTopicSchema>;

export const addPartitionsSchema = z.object({ count: wholeNumber('Partition count', 1, MAX_PARTITIONS) });

/**
 * Why a topic with `current` partitions cannot grow to `count`, or null: the add-partitions dialog
 * and the server ask the same question (Kafka can only grow a topic).
 */
export function addPartitionsProblem(count: number, current: number, subject = 'The topic'): string | null {
  const parsed = addPartitionsSchema.safeParse({ count });
  if (!parsed.success) return firstProblem(parsed.error);
  if (count <= current) return `${subject} already has ${current} partitions; the count can only grow (asked for ${count})`;
  return null;
}

export const alterConfigsSchema = z.object({
  configs: nameRecord(z.union([z.string(), z.null()], { error: 'Config values must be strings, or null to reset' }), {
    what: 'configs',
    emptyName: 'Config names cannot be empty',
  })
    .refine((c) => Object.keys(c).length > 0, { error: 'Name at least one config to change' })
    .superRefine(checkConfigs),
});

/** The first problem of a zod error, worded for a person. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  // zod says "Invalid input: expected record, received undefined" for a missing field.
  if (issue.code === 'invalid_type' && issue.path.length && /received undefined$/.test(issue.message)) return `${issue.path.join('.')} is required`;
  // "replicationFactor" is named by "Replication factor must be…": compare letters and digits only.
  const letters = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const named = letters(issue.message).includes(letters(String(issue.path.at(-1))));
  const where = issue.path.length && !named ? `${issue.path.join('.')}: ` : '';
  return where + issue.message;
}

/** Kafka's collision key: "." and "_" are one character in metric names (Topic.unifyCollisionChars). */
const collisionKey = (name: string) => name.replace(/\./g, '_');

/**
 * Why `name` cannot be created next to the `existing` topics, or null: the same name exists, or one
 * that differs only by "." vs "_" (the controller refuses those with InvalidTopicException).
 */
export function topicNameClash(name: string, existing: Iterable<string>): string | null {
  if (!name) return null;
  const key = collisionKey(name);
  for (const other of existing) {
    if (other === name) return `Topic "${name}" already exists`;
    if (collisionKey(other) === key)
      return `"${name}" collides with the existing topic "${other}": Kafka treats "." and "_" alike in metric names and refuses it`;
  }
  return null;
}

export interface CreateTopicFields {
  partitions: string;
  replicationFactor: string;
}

/**
 * Each count field's own problem as the user types, worded once ("Partitions must be at least 1",
 * never "partitions: Partitions must…"); the replication factor is checked against the live brokers.
 */
export function countFieldProblems(fields: CreateTopicFields, liveBrokers: number): { partitions: string | null; replicationFactor: string | null } {
  const check = (what: string, text: string, max: number) => {
    const parsed = wholeNumber(what, 1, max).safeParse(text.trim() === '' ? undefined : Number(text));
    return parsed.success ? null : parsed.error.issues[0].message;
  };
  const replicationFactor = check('Replication factor', fields.replicationFactor, MAX_REPLICATION_FACTOR);
  return {
    partitions: check('Partitions', fields.partitions, MAX_PARTITIONS),
    replicationFactor:
      replicationFactor ?? (Number(fields.replicationFactor) > liveBrokers ? `Replication factor cannot exceed the ${liveBrokers} live broker(s)` : null),
  };
}

/**
 * min.insync.replicas above the replication factor: Kafka creates the topic, but every write with
 * acks=all then fails with NOT_ENOUGH_REPLICAS. A warning, not a refusal.
 */
export function minInsyncReplicasWarning(minInsyncReplicas: string | undefined, replicationFactor: number): string | null {
  if (!minInsyncReplicas || !/^\d+$/.test(minInsyncReplicas.trim()) || !Number.isInteger(replicationFactor) || replicationFactor < 1) return null;
  const min = Number(minInsyncReplicas.trim());
  return min > replicationFactor
    ? `min.insync.replicas (${min}) is higher than the replication factor (${replicationFactor}): every write with acks=all would fail with NOT_ENOUGH_REPLICAS`
    : null;
}
