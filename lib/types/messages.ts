export type Encoding = 'utf8' | 'base64';

/** Whose clock a record's timestamp is: the producer's, or the broker's when the topic says LogAppendTime. */
export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** One record header as the stream carries it; a record's headers keep Kafka's order, duplicates included. */
export interface WireHeader {
  /** Header keys are UTF-8 text in Kafka's format. */
  key: string;
  /** null for a header without a value. */
  value: string | null;
  encoding: Encoding;
}

/** A header to produce: an ordered list, as in Kafka; value null for a header without a value. */
export interface ProduceHeader {
  key: string;
  value: string | null;
}

/** How the stream decoded a key or value (`decode=` on the stream; auto by default). */
export type MessageFormat = 'text' | 'json' | 'hex' | 'base64' | 'avro' | 'protobuf' | 'json-schema';
export const DECODE_MODES = ['auto', 'text', 'json', 'hex', 'base64', 'avro', 'protobuf', 'json-schema'] as const;
export type DecodeMode = (typeof DECODE_MODES)[number];
/** The registry schema a key or value was written with. */
export interface SchemaRef {
  subject?: string;
  version?: number;
}

export interface WireMessage {
  partition: number;
  offset: number;
  /** Epoch ms. */
  timestamp: number;
  /** From the record batch's attributes, as `kafka-console-consumer --property print.timestamp=true` prints it. */
  timestampType: TimestampType;
  key: string | null;
  /** The value, cut to the first 64 KiB when `truncated` (fetch the rest from …/messages/raw). */
  value: string | null;
  /** In record order; the same key may come more than once. */
  headers: WireHeader[];
  /** Bytes of key + value + header keys and values as stored. */
  size: number;
  valueSize: number;
  truncated: boolean;
  encoding: { key: Encoding; value: Encoding };
  /** Part of a transaction that was aborted (shown under read_uncommitted only). */
  aborted?: true;
  /** Part of a transaction still open when read (beyond the last stable offset). */
  pending?: true;
  /**
   * Set when the stream decoded the key or value itself: with a registry schema (the decoded JSON text
   * is then `value`/`key`), or as `decode=` asked. Absent: the bytes as `encoding` says.
   */
  format?: { key?: MessageFormat; value?: MessageFormat };
  /** The registry schema id of a registry-framed key or value (Confluent wire format). */
  schemaId?: { key?: number; value?: number };
  schema?: { key?: SchemaRef; value?: SchemaRef };
  /** Why a key or value is shown as hex instead of decoded (schema not found, registry down…). */
  decodeNote?: { key?: string; value?: string };
}

export interface TailStatus {
  scanned: number;
  matched: number;
  /** Next offset to read, per partition. */
  positions: Record<string, number>;
  /** Where a non-live tail stops, per partition. */
  endOffsets: Record<string, number> | null;
  caughtUp: boolean;
  note?: string;
  /** Partitions where a batch could not be decoded (skipped; the others went on), latest per partition. */
  unreadable?: { partition: number; reason: string }[];
}

export interface ProduceResult {
  written: number;
  offsets: { partition: number; offset: number }[];
}

export interface UploadProgress {
  type: 'progress' | 'done' | 'error';
  bytesRead: number;
  lines: number;
  written: number;
  writtenPerPartition: Record<string, number>;
  skipped: { line: number; reason: string }[];
  skippedCount: number;
  message?: string;
}
