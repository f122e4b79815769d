/** What the operator operations answer (issue 14): shared by route handlers, hooks and components. */

export interface DeleteRecordsResult {
  /** The partitions' new log start offsets (low watermarks). */
  partitions: { partition: number; lowWatermark: number }[];
}

export interface DeleteGroupOffsetsResult {
  deleted: { topic: string; partition: number }[];
}

export type ElectionType = 'preferred' | 'unclean';

export interface ElectLeadersResult {
  /**
   * One per partition Kafka answered for: "elected", "not-needed" (the wanted replica already leads:
   * not a failure), or "failed" with Kafka's error.
   */
  results: { topic: string; partition: number; outcome: 'elected' | 'not-needed' | 'failed'; error?: { code: string; message: string } }[];
}
