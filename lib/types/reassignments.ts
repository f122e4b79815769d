/** What the reassignment API answers (app/api/clusters/[cluster]/reassignments). */

export interface PlannedPartition {
  topic: string;
  partition: number;
  /** The replicas now, the preferred leader first. */
  current: number[];
  /** The replicas the planner proposes, the preferred leader first. */
  proposed: number[];
}

export interface ReassignmentPlan {
  partitions: PlannedPartition[];
  /** Replicas that would be created on a broker that does not hold them now. */
  moves: number;
  /** The data those new replicas copy (each partition's size on disk, from DescribeLogDirs). */
  bytesToMove: number;
}

export interface PartitionReassignment {
  topic: string;
  partition: number;
  /** While moving: the target replicas plus those still being removed. */
  replicas: number[];
  adding: number[];
  removing: number[];
  /** The partition's size on a replica that already has it (the largest), or null if none answered. */
  sizeBytes: number | null;
  /** How much each adding replica has copied so far (from its broker's DescribeLogDirs). */
  copied: { broker: number; bytes: number }[];
}

export interface ReassignmentList {
  reassignments: PartitionReassignment[];
  /** Replication throttle the dashboard set for its reassignment, still in place (bytes/s), if any. */
  throttleBytesPerSec: number | null;
}
