import type { GroupMember } from '@/lib/types/groups';
import { encodeConsumerGroupDescribeRequest, readAssignment } from './consumer-group-describe-codec';
import { CompactReader, CompactWriter } from './wire';

/**
 * The share-group APIs of KIP-932 (Kafka 4.x, `kafka-share-groups`), which kafkajs predates.
 * DescribeGroups answers "Dead" with no members for a share group and OffsetFetch knows none of its
 * offsets: a share group has no committed offsets, but a share-partition start offset (SPSO) per
 * partition, kept by the share coordinator. Pure; layouts as in Kafka 4.3's generated schemas.
 */

/**
 * ShareGroupDescribe (API key 77): Kafka 4.0 shipped v0 as unstable (not exposed by default);
 * 4.1+ brokers offer only v1, which has the same layout.
 */
export const SHARE_GROUP_DESCRIBE = { apiKey: 77, version: 1 } as const;

/** DescribeShareGroupOffsets (API key 90): v1 (Kafka 4.2+, KIP-1226) adds the lag the broker computes. */
export const DESCRIBE_SHARE_GROUP_OFFSETS = { apiKey: 90, version: 1, minVersion: 0 } as const;

export interface ShareGroup {
  groupId: string;
  errorCode: number;
  errorMessage: string | null;
  /** Empty, Stable or Dead. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  /** The broker-side assignor (`simple`). */
  assignor: string;
  members: GroupMember[];
}

/** ShareGroupDescribe's request has ConsumerGroupDescribe's shape: group ids, include_authorized_operations. */
export const encodeShareGroupDescribeRequest = encodeConsumerGroupDescribeRequest;

export function decodeShareGroupDescribeResponse(payload: Buffer): ShareGroup[] {
  const r = new CompactReader(payload);
  r.skipTaggedFields(); // response header v1 tags
  r.int32(); // throttle time
  const groups = r.compactArray((gr): ShareGroup => {
    const errorCode = gr.int16();
    const errorMessage = gr.compactString();
    const groupId = gr.compactString() ?? '';
    const state = gr.compactString() ?? '';
    const groupEpoch = gr.int32();
    const assignmentEpoch = gr.int32();
    const assignor = gr.compactString() ?? '';
    const members = gr.compactArray((mr): GroupMember => {
      const memberId = mr.compactString() ?? '';
      mr.compactString(); // rack id
      const memberEpoch = mr.int32();
      const clientId = mr.compactString() ?? '';
      const host = (mr.compactString() ?? '').replace(/^\//, '');
      mr.compactArray((sr) => sr.compactString()); // subscribed topic names
      const assignments = readAssignment(mr);
      mr.skipTaggedFields();
      // Share groups have no static membership: no group.instance.id.
      return { memberId, instanceId: null, clientId, host, memberEpoch, assignments };
    });
    gr.int32(); // authorized operations
    gr.skipTaggedFields();
    return { groupId, errorCode, errorMessage, state, groupEpoch, assignmentEpoch, assignor, members };
  });
  r.skipTaggedFields();
  return groups;
}

export interface SharePartitionOffset {
  topic: string;
  partition: number;
  /** The share-partition start offset; -1 while the partition is not initialised (nothing consumed yet). */
  startOffset: number;
  leaderEpoch: number;
  /** Records not yet acknowledged (v1); -1 when unknown, null from a v0 answer, which has no lag. */
  lag: number | null;
  errorCode: number;
  errorMessage: string | null;
}

export interface ShareGroupOffsets {
  groupId: string;
  errorCode: number;
  errorMessage: string | null;
  partitions: SharePartitionOffset[];
}

/** Every partition the group has a start offset for (topics: null = all of them), per group. */
export function encodeDescribeShareGroupOffsetsRequest(groupIds: string[]): Buffer {
  const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
  w.compactArray(groupIds, (gw, groupId) => {
    gw.compactString(groupId);
    gw.uvarint(0); // topics: null, every topic
    gw.emptyTaggedFields();
  });
  return w.emptyTaggedFields().toBuffer();
}

export function decodeDescribeShareGroupOffsetsResponse(payload: Buffer, version: 0 | 1 = DESCRIBE_SHARE_GROUP_OFFSETS.version): ShareGroupOffsets[] {
  const r = new CompactReader(payload);
  r.skipTaggedFields(); // response header v1 tags
  r.int32(); // throttle time
  const groups = r.compactArray((gr): ShareGroupOffsets => {
    const groupId = gr.compactString() ?? '';
    const partitions = gr.compactArray((tr) => {
      const topic = tr.compactString() ?? '';
      tr.skip(16); // topic id
      const inTopic = tr.compactArray((pr): SharePartitionOffset => {
        const partition = pr.int32();
        const startOffset = Number(pr.int64());
        const leaderEpoch = pr.int32();
        const lag = version >= 1 ? Number(pr.int64()) : null;
        const errorCode = pr.int16();
        const errorMessage = pr.compactString();
        pr.skipTaggedFields();
        return { topic, partition, startOffset, leaderEpoch, lag, errorCode, errorMessage };
      });
      tr.skipTaggedFields();
      return inTopic;
    }).flat();
    const errorCode = gr.int16();
    const errorMessage = gr.compactString();
    gr.skipTaggedFields();
    return { groupId, errorCode, errorMessage, partitions };
  });
  r.skipTaggedFields();
  return groups;
}
