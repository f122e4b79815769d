/**
 * The limits every check shares: the server's request schemas, the create-topic form and the
 * add-partitions dialog, so the browser refuses exactly what the server refuses, before anything
 * reaches Kafka. Pure, no I/O.
 */

/**
 * Partitions a topic may have, created or grown here. Kafka's controller (3.6 to 4.3 at least)
 * refuses a CreateTopics of more than 10,000 partitions (POLICY_VIOLATION), but applies only the
 * first 10,000 of a larger CreatePartitions and then answers UNKNOWN_SERVER_ERROR: a topic asked to
 * grow from 3 to 1,000,000 partitions ends up with 10,003 and the answer says it failed. A total of
 * 10,000 keeps every request below that bound.
 */
export const MAX_PARTITIONS = 10_000;

/** The protocol's int16; whether that many brokers are alive is asked when the topic is created. */
export const MAX_REPLICATION_FACTOR = 32_767;

/**
 * Names and values travel as int16-length strings in the requests that create topics and change
 * configs: a longer one cannot even be encoded.
 */
export const MAX_PROTOCOL_STRING_BYTES = 32_767;

/** Messages in one produce request (files go to the upload endpoint, which streams). */
export const MAX_MESSAGES_PER_REQUEST = 1000;

/** Partitions named in one offsets reset: no topic created or grown here has more. */
export const MAX_RESET_PARTITIONS = MAX_PARTITIONS;

/** Kafka's partition ids and offsets requests use int32 partition numbers. */
export const MAX_PARTITION_ID = 2 ** 31 - 1;

/**
 * Kafka's internal topics (org.apache.kafka.common.internals.Topic): only the brokers write to
 * them, and their partition counts and configs are fixed by broker settings. A client that
 * grows `__consumer_offsets` moves every group to another coordinator partition, losing its offsets.
 */
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set(['__consumer_offsets', '__transaction_state', '__share_group_state', '__cluster_metadata']);

export const isInternalTopicName = (name: string) => INTERNAL_TOPICS.has(name);

/** Why `action` (e.g. "add partitions to") is refused for an internal topic; the one wording for every route. */
export const internalTopicRefusal = (topic: string, action: string) =>
  `"${topic}" is one of Kafka's internal topics: the dashboard does not ${action} it (Kafka's brokers manage it)`;

const utf8 = new TextEncoder();

/** UTF-8 bytes of a string, in the browser as on the server. */
export const utf8Length = (value: string) => utf8.encode(value).length;
