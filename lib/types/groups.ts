/** What the consumer-group endpoints return; shared by route handlers, hooks and components. */

/** See lib/lag-status.ts and the README's lag rules. */
export type LagStatus = 'ok' | 'lagging' | 'stalled' | 'no-consumer' | 'stopped' | 'reset' | 'unknown';

export interface StatusVerdict {
  status: LagStatus;
  /** One line saying why, for a person. */
  reason: string;
}

/**
 * The kind of group, as ListGroups v5 names it: classic (JoinGroup/SyncGroup), consumer (the new
 * consumer protocol, KIP-848), share (share groups, KIP-932), streams; '' when the broker predates
 * ListGroups v5 (Kafka 3.8).
 */
export type GroupType = 'classic' | 'consumer' | 'share' | 'streams' | '';

export interface GroupSummary {
  groupId: string;
  type: GroupType;
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
  /** How long the latest sample of every group took to read from Kafka (ms); it must stay well within the interval. */
  sampleTookMs?: number;
  /** When the sample the list comes from was taken (epoch ms). */
  sampledAt?: number;
  /** Brokers that did not list their groups this time: the groups they coordinate are missing from `groups`. */
  missingBrokers: number[];
  /** Where the lag history comes from (shared through a Kafka topic, or this process's memory, and why). */
  lagHistory?: LagHistoryStatus;
}

/** One page of the group list (GET …/groups?limit=…): the matching groups in the asked order, cut to the page. */
export interface GroupPage extends GroupList {
  /** Groups matching the search and filters (the page is a slice of them). */
  total: number;
  /** Every group in the cluster's sample, matching or not. */
  groupCount: number;
  offset: number;
  limit: number;
}

export interface LagHistoryStatus {
  /** Read from the history topic that one elected sampler per cluster writes; false: this process's memory. */
  shared: boolean;
  topic: string | null;
  /** Whether this dashboard process is the one sampling the cluster now. */
  sampling: boolean;
  /** Why the history is in memory although a topic was configured (the cluster refused it); null otherwise. */
  note: string | null;
}

export interface GroupMember {
  memberId: string;
  /** group.instance.id of a static member (classic and consumer groups); null for a dynamic one. */
  instanceId: string | null;
  clientId: string;
  host: string;
  /** The member's epoch (consumer and share groups); null for classic groups, which have none. */
  memberEpoch: number | null;
  assignments: { topic: string; partitions: number[] }[];
}

export interface GroupPartitionOffset {
  topic: string;
  partition: number;
  /**
   * null when the group never committed an offset for this partition. For a share group: the
   * share-partition start offset (the first record not yet acknowledged by every delivery).
   */
  committedOffset: number | null;
  logEndOffset: number | null;
  /**
   * logEndOffset − committedOffset; null without a committed offset. Never negative. For a share
   * group: the lag the broker reports (DescribeShareGroupOffsets v1, as kafka-share-groups shows
   * it), else log end − start offset.
   */
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
  /** Share groups: every member assigned this partition (share group members share partitions). */
  consumers?: { memberId: string; clientId: string; host: string }[];
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
  type: GroupType;
  state: string;
  protocolType: string;
  /** The classic protocol's assignment strategy (range, cooperative-sticky…); '' for other groups. */
  protocol: string;
  /** The broker-side assignor of consumer (KIP-848: uniform, range) and share groups (simple); null for classic ones. */
  assignor: string | null;
  /** Group and assignment epochs (consumer and share groups), as `--describe --state` shows them. */
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  /** Node id of the group's coordinator. */
  coordinator: number;
  members: GroupMember[];
  offsets: GroupPartitionOffset[];
  totalLag: number | null;
  status: LagStatus;
  statusReason: string;
  history: LagSample[];
  sampleIntervalMs: number;
}

export type ResetTarget = 'earliest' | 'latest' | 'timestamp' | 'offset' | 'shift';

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
