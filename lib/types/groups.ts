/** What the consumer-group endpoints return; shared by route handlers, hooks and components. */

/** See lib/lag-status.ts and the README's lag rules. */
export type LagStatus = 'ok' | 'lagging' | 'stalled' | 'no-consumer' | 'stopped' | 'reset' | 'unknown';

export interface StatusVerdict {
  status: LagStatus;
  /** One line saying why, for a person. */
  reason: string;
}

export interface GroupSummary {
  groupId: string;
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead (or what the broker says). */
  state: string;
  protocolType: string;
  members: number;
  topics: string[];
  /** Sum of lag over partitions with a committed offset; null when none has one. */
  totalLag: number | null;
  status: LagStatus;
  statusReason: string;
  /** Recent total lag samples, oldest first, for a sparkline; null where a sample lacked a partition (a gap, not a dip). */
  lagTrend: (number | null)[];
}

export interface GroupList {
  groups: GroupSummary[];
  /** How often the server samples lag, so the browser can say how fresh the trend is. */
  sampleIntervalMs: number;
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  assignments: { topic: string; partitions: number[] }[];
}

export interface GroupPartitionOffset {
  topic: string;
  partition: number;
  /** null when the group never committed an offset for this partition. */
  committedOffset: number | null;
  logEndOffset: number | null;
  /** logEndOffset − committedOffset; null without a committed offset. Never negative. */
  lag: number | null;
  memberId: string | null;
  clientId: string | null;
  host: string | null;
  status: LagStatus;
  statusReason: string;
  /** Age in ms of the oldest message the group has not consumed (0 when caught up). */
  lagMs: number | null;
  /** Why `lagMs` is null although the partition has lag (the oldest waiting record cannot be read). */
  lagNote: string | null;
  /** Estimated ms to catch up at the consumption rate observed over the window; null when it cannot be told. */
  catchUpMs: number | null;
  /** Why `catchUpMs` is null ("not consuming", "collecting samples", the rates when not gaining). */
  catchUpNote: string | null;
}

export interface LagSample {
  /** Epoch ms. */
  t: number;
  totalLag: number | null;
  /** Lag per "topic:partition", when the server keeps partition detail for this group. */
  partitions?: Record<string, number | null>;
}

export interface GroupDetails {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: GroupMember[];
  offsets: GroupPartitionOffset[];
  totalLag: number | null;
  status: LagStatus;
  statusReason: string;
  history: LagSample[];
  sampleIntervalMs: number;
}

export type ResetTarget = 'earliest' | 'latest' | 'timestamp' | 'offset' | 'shift';

export interface ResetOffsetsRequest {
  topic: string;
  partitions?: number[];
  to: ResetTarget;
  value?: number;
  dryRun?: boolean;
}

export interface ResetOffsetsResult {
  dryRun: boolean;
  /** `logEndOffset` as read for the reset: the lag after it is logEndOffset − to. */
  changes: { topic: string; partition: number; from: number | null; to: number; logEndOffset: number }[];
}

/** A group's standing on one topic, for the topic page's Consumers tab. */
export interface TopicConsumer {
  groupId: string;
  state: string;
  members: number;
  /** Partitions of the topic the group has committed offsets for. */
  partitions: number;
  lag: number | null;
  status: LagStatus;
  statusReason: string;
}
