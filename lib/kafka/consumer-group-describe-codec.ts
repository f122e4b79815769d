import type { GroupMember } from '@/lib/types/groups';
import { CompactReader, CompactWriter } from './wire';

/**
 * ConsumerGroupDescribe (API key 69, version 0): groups of the new consumer protocol (KIP-848,
 * `group.protocol=consumer`). DescribeGroups answers "Dead" with no members for them; this is the
 * request Kafka's own tools use. kafkajs predates it.
 */
export const CONSUMER_GROUP_DESCRIBE = { apiKey: 69, version: 0 } as const;

export interface ConsumerProtocolGroup {
  groupId: string;
  errorCode: number;
  state: string;
  members: GroupMember[];
}

export function encodeConsumerGroupDescribeRequest(groupIds: string[]): Buffer {
  const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
  w.compactArray(groupIds, (gw, groupId) => void gw.compactString(groupId));
  w.int8(0); // include_authorized_operations: false
  return w.emptyTaggedFields().toBuffer();
}

/** A member's current assignment: topic names and partitions (the topic ids are skipped). */
function readAssignment(r: CompactReader): GroupMember['assignments'] {
  const assignments = r.compactArray((tr) => {
    tr.int64(); // topic id, high
    tr.int64(); // topic id, low
    const topic = tr.compactString() ?? '';
    const partitions = tr.compactArray((pr) => pr.int32());
    tr.skipTaggedFields();
    return { topic, partitions };
  });
  r.skipTaggedFields();
  return assignments;
}

export function decodeConsumerGroupDescribeResponse(payload: Buffer): ConsumerProtocolGroup[] {
  const r = new CompactReader(payload);
  r.skipTaggedFields(); // response header v1 tags
  r.int32(); // throttle time
  const groups = r.compactArray((gr) => {
    const errorCode = gr.int16();
    gr.compactString(); // error message
    const groupId = gr.compactString() ?? '';
    const state = gr.compactString() ?? '';
    gr.int32(); // group epoch
    gr.int32(); // assignment epoch
    gr.compactString(); // assignor name
    const members = gr.compactArray((mr): GroupMember => {
      const memberId = mr.compactString() ?? '';
      mr.compactString(); // instance id
      mr.compactString(); // rack id
      mr.int32(); // member epoch
      const clientId = mr.compactString() ?? '';
      const host = (mr.compactString() ?? '').replace(/^\//, '');
      mr.compactArray((sr) => sr.compactString()); // subscribed topic names
      mr.compactString(); // subscribed topic regex
      const assignments = readAssignment(mr);
      readAssignment(mr); // target assignment: where the group is heading, not where it is
      mr.skipTaggedFields();
      return { memberId, clientId, host, assignments };
    });
    gr.int32(); // authorized operations
    gr.skipTaggedFields();
    return { groupId, errorCode, state, members };
  });
  r.skipTaggedFields();
  return groups;
}
