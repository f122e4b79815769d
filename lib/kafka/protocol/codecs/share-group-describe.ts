import type { GroupMember } from '@/lib/types/groups';
import { CompactReader } from '../wire';
import type { KafkaApi } from '../api';
import { consumerGroupDescribe, readAssignment } from './consumer-group-describe';

/**
 * ShareGroupDescribe (API key 77) of KIP-932 (Kafka 4.x, `kafka-share-groups --describe`), which
 * kafkajs predates: DescribeGroups answers "Dead" with no members for a share group. Kafka 4.0
 * shipped v0 as unstable (not exposed by default); 4.1+ brokers offer only v1, which has the same
 * layout. Pure; layout as in Kafka 4.3's generated schemas.
 */
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

export const shareGroupDescribe: KafkaApi<{ groupIds: string[] }, ShareGroup[]> = {
  name: 'ShareGroupDescribe',
  apiKey: 77,
  versions: [1],
  /** ShareGroupDescribe's request has ConsumerGroupDescribe's shape: group ids, include_authorized_operations. */
  encode: (request, version) => consumerGroupDescribe.encode(request, version),
  decode(payload) {
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
  },
};
