import { ClassicReader, CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * DescribeGroups v5, encoded by hand: kafkajs's throws the whole batch away when one group has an
 * error. Plus the classic consumer-protocol assignment its members carry. Pure.
 */
export interface DescribedMember {
  memberId: string;
  /** group.instance.id of a static member, else null. */
  instanceId: string | null;
  clientId: string;
  host: string;
  assignment: Buffer | null;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: DescribedMember[];
}

export const describeGroups: KafkaApi<{ groupIds: string[] }, DescribedGroup[]> = {
  name: 'DescribeGroups',
  apiKey: 15,
  versions: [5],
  encode({ groupIds }) {
    return new CompactWriter()
      .emptyTaggedFields()
      .compactArray(groupIds, (w, id) => w.compactString(id))
      .int8(0) // include authorized operations: no
      .emptyTaggedFields()
      .toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    return r.compactArray((gr) => {
      const errorCode = gr.int16();
      const groupId = gr.compactString() ?? '';
      const state = gr.compactString() ?? '';
      const protocolType = gr.compactString() ?? '';
      const protocol = gr.compactString() ?? '';
      const members = gr.compactArray((mr) => {
        const memberId = mr.compactString() ?? '';
        const instanceId = mr.compactString();
        const clientId = mr.compactString() ?? '';
        const host = mr.compactString() ?? '';
        mr.compactBytes(); // subscription metadata
        const assignment = mr.compactBytes();
        mr.skipTaggedFields();
        return { memberId, instanceId, clientId, host, assignment };
      });
      gr.int32(); // authorized operations
      gr.skipTaggedFields();
      return { errorCode, groupId, state, protocolType, protocol, members };
    });
  },
};

/** The partitions a classic consumer-protocol assignment gives a member (any version: same prefix). */
export function decodeConsumerAssignment(bytes: Buffer | null): { topic: string; partitions: number[] }[] {
  if (!bytes || bytes.length < 2) return [];
  try {
    const r = new ClassicReader(bytes);
    r.int16(); // version
    return r.array((tr) => ({ topic: tr.string() ?? '', partitions: tr.array((pr) => pr.int32()).sort((a, b) => a - b) }));
  } catch {
    return []; // not a consumer-protocol assignment (e.g. Kafka Connect)
  }
}
