import type { GroupMember } from '@/lib/types/groups';
import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * ConsumerGroupDescribe (API key 69, version 0): groups of the new consumer protocol (KIP-848,
 * `group.protocol=consumer`). DescribeGroups answers "Dead" with no members for them; this is the
 * request Kafka's own tools use. kafkajs predates it.
 */
export interface ConsumerProtocolGroup {
  groupId: string;
  errorCode: number;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  /** The broker-side assignor (`uniform` by default, or `range`). */
  assignor: string;
  members: GroupMember[];
}

/** A member's current assignment: topic names and partitions (the topic ids are skipped). Also read by ShareGroupDescribe. */
export function readAssignment(r: CompactReader): GroupMember['assignments'] {
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

export const consumerGroupDescribe: KafkaApi<{ groupIds: string[] }, ConsumerProtocolGroup[]> = {
  name: 'ConsumerGroupDescribe',
  apiKey: 69,
  versions: [0],
  encode({ groupIds }) {
    const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
    w.compactArray(groupIds, (gw, groupId) => void gw.compactString(groupId));
    w.int8(0); // include_authorized_operations: false
    return w.emptyTaggedFields().toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields(); // response header v1 tags
    r.int32(); // throttle time
    const groups = r.compactArray((gr) => {
      const errorCode = gr.int16();
      gr.compactString(); // error message
      const groupId = gr.compactString() ?? '';
      const state = gr.compactString() ?? '';
      const groupEpoch = gr.int32();
      const assignmentEpoch = gr.int32();
      const assignor = gr.compactString() ?? '';
      const members = gr.compactArray((mr): GroupMember => {
        const memberId = mr.compactString() ?? '';
        const instanceId = mr.compactString();
        mr.compactString(); // rack id
        const memberEpoch = mr.int32();
        const clientId = mr.compactString() ?? '';
        const host = (mr.compactString() ?? '').replace(/^\//, '');
        mr.compactArray((sr) => sr.compactString()); // subscribed topic names
        mr.compactString(); // subscribed topic regex
        const assignments = readAssignment(mr);
        readAssignment(mr); // target assignment: where the group is heading, not where it is
        mr.skipTaggedFields();
        return { memberId, instanceId, clientId, host, memberEpoch, assignments };
      });
      gr.int32(); // authorized operations
      gr.skipTaggedFields();
      return { groupId, errorCode, state, groupEpoch, assignmentEpoch, assignor, members };
    });
    r.skipTaggedFields();
    return groups;
  },
};
