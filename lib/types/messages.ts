/** What the message endpoints send; shared by the stream route, hooks and components. */

export type Encoding = 'utf8' | 'base64';

export interface WireMessage {
  partition: number;
  offset: number;
  /** Epoch ms. */
  timestamp: number;
  key: string | null;
  /** The value, cut to the first 64 KiB when `truncated` (fetch the rest from …/messages/raw). */
  value: string | null;
  headers: Record<string, string>;
  /** Bytes of key + value + headers as stored. */
  size: number;
  valueSize: number;
  truncated: boolean;
  encoding: { key: Encoding; value: Encoding; headers: Record<string, Encoding> };
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
}

export interface ProduceRequest {
  messages: { key?: string | null; value: string | null; headers?: Record<string, string>; partition?: number }[];
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
