import { CompactReader, CompactWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * ListGroups v5 (each group's state and type, Kafka 3.8+) or v4 (state only), encoded by hand:
 * kafkajs's versions predate group state. Share groups (KIP-932) are only told apart by v5's type.
 */
export interface ListedGroup {
  groupId: string;
  protocolType: string;
  state: string;
  /** classic, consumer (KIP-848), share (KIP-932) or streams; '' from a broker before ListGroups v5 (Kafka 3.8). */
  type: string;
}

export const listGroups: KafkaApi<null, { errorCode: number; groups: ListedGroup[] }> = {
  name: 'ListGroups',
  apiKey: 16,
  versions: [4, 5],
  /** Every group, in every state and (v5) of every type: empty filters mean "all". */
  encode(_request, version) {
    const w = new CompactWriter().emptyTaggedFields(); // request header v2 tags
    w.compactArray<string>([], () => {}); // states filter
    if (version >= 5) w.compactArray<string>([], () => {}); // types filter
    return w.emptyTaggedFields().toBuffer();
  },
  decode(payload, version) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const errorCode = r.int16();
    const groups = r.compactArray((gr): ListedGroup => {
      const groupId = gr.compactString() ?? '';
      const protocolType = gr.compactString() ?? '';
      const state = gr.compactString() ?? '';
      const type = version >= 5 ? (gr.compactString() ?? '') : '';
      gr.skipTaggedFields();
      return { groupId, protocolType, state, type };
    });
    return { errorCode, groups };
  },
};
