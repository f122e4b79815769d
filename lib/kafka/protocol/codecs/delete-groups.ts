import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/** DeleteGroups (API key 42, version 1): deletes empty groups and their committed offsets. */
export const deleteGroups: KafkaApi<{ groupIds: string[] }, { groupId: string; errorCode: number }[]> = {
  name: 'DeleteGroups',
  apiKey: 42,
  versions: [1],
  encode({ groupIds }) {
    return new ClassicWriter().array(groupIds, (w, id) => w.string(id)).toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    return r.array((gr) => ({ groupId: gr.string() ?? '', errorCode: gr.int16() }));
  },
};
