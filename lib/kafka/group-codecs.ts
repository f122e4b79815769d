import { ClassicReader, ClassicWriter, CompactReader, CompactWriter } from './wire';

/**
 * ListGroups v5 (each group's state and type) or v4 (state only), and DescribeGroups v5, encoded by
 * hand: kafkajs's versions predate group state in ListGroups, and its DescribeGroups throws the whole
 * batch away when one group has an error. Plus the classic consumer-protocol assignment. Pure.
 */
export const LIST_GROUPS = { apiKey: 16, version: 5, minVersion: 4 } as const;
export const DESCRIBE_GROUPS = { apiKey: 15, version: 5 } as const;

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  state: string;
  /** classic, consumer (KIP-848), share (KIP-932) or streams; '' from a broker before ListGroups v5 (Kafka 3.8). */
  type: string;
}

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

/** Every group, in every state and (v5) of every type: empty filters mean "all". */
export function encodeListGroupsRequest(version: 4 | 5 = LIST_GROUPS.version): Buffer {
  const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
  w.compactArray<string>([], () => {}); // states filter
  if (version >= 5) w.compactArray<string>([], () => {}); // types filter
  return w.emptyTaggedFields().toBuffer();
}

export function decodeListGroupsResponse(payload: Buffer, version: 4 | 5 = LIST_GROUPS.version): { errorCode: number; groups: ListedGroup[] } {
  const r = new CompactReader(payload);
  r.skipTaggedFields();
  r.int32(); // throttle time
  const errorCode = r.int16();
  const groups = r.compactArray((gr): ListedGroup => {
    const groupId = gr.compactString() ?? '';
    const protocolType = gr.compactString() ?? '';
    const state = gr.compactString() ?? '';
    const type = version >= 5 ? gr.compactString() ?? '' : '';
    gr.skipTaggedFields();
    return { groupId, protocolType, state, type };
  });
  return { errorCode, groups };
}

export function encodeDescribeGroupsRequest(groupIds: string[]): Buffer {
  return new CompactWriter()
    .emptyTaggedFields()
    .compactArray(groupIds, (w, id) => w.compactString(id))
    .int8(0) // include authorized operations: no
    .emptyTaggedFields()
    .toBuffer();
}

export function decodeDescribeGroupsResponse(payload: Buffer): DescribedGroup[] {
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
}

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

export const DELETE_GROUPS = { apiKey: 42, version: 1 } as const;

export function encodeDeleteGroupsRequest(groupIds: string[]): Buffer {
  return new ClassicWriter().array(groupIds, (w, id) => w.string(id)).toBuffer();
}

export function decodeDeleteGroupsResponse(payload: Buffer): { groupId: string; errorCode: number }[] {
  const r = new ClassicReader(payload);
  r.int32(); // throttle time
  return r.array((gr) => ({ groupId: gr.string() ?? '', errorCode: gr.int16() }));
}
