import type { KafkaApi } from '../api';
import { ClassicReader, ClassicWriter, CompactReader, CompactWriter } from '../wire';

/**
 * DeleteRecords (API key 21): moves partitions' log start offsets forward, as `kafka-delete-records`
 * does. kafkajs has it, but answers nothing: the new low watermarks are what an operator wants to
 * see. Sent to each partition's leader. Offset -1 means "up to the high watermark".
 */
export interface DeleteRecordsRequest {
  topics: { name: string; partitions: { partition: number; offset: number }[] }[];
  timeoutMs: number;
}

export interface DeleteRecordsResponse {
  topics: { name: string; partitions: { partition: number; lowWatermark: number; errorCode: number }[] }[];
}

const FLEXIBLE = 2;

export const deleteRecords: KafkaApi<DeleteRecordsRequest, DeleteRecordsResponse> = {
  name: 'DeleteRecords',
  apiKey: 21,
  versions: [0, 1, 2],
  encode(request, version) {
    if (version >= FLEXIBLE) {
      return new CompactWriter()
        .emptyTaggedFields()
        .compactArray(request.topics, (w, topic) => {
          w.compactString(topic.name)
            .compactArray(topic.partitions, (pw, p) => pw.int32(p.partition).int64(p.offset).emptyTaggedFields())
            .emptyTaggedFields();
        })
        .int32(request.timeoutMs)
        .emptyTaggedFields()
        .toBuffer();
    }
    return new ClassicWriter()
      .array(request.topics, (w, topic) => {
        w.string(topic.name).array(topic.partitions, (pw, p) => pw.int32(p.partition).int64(BigInt(p.offset)));
      })
      .int32(request.timeoutMs)
      .toBuffer();
  },
  decode(payload, version) {
    if (version >= FLEXIBLE) {
      const r = new CompactReader(payload);
      r.skipTaggedFields();
      r.int32(); // throttle time
      const topics = r.compactArray((tr) => {
        const name = tr.compactString() ?? '';
        const partitions = tr.compactArray((pr) => {
          const partition = pr.int32();
          const lowWatermark = Number(pr.int64());
          const errorCode = pr.int16();
          pr.skipTaggedFields();
          return { partition, lowWatermark, errorCode };
        });
        tr.skipTaggedFields();
        return { name, partitions };
      });
      return { topics };
    }
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    const topics = r.array((tr) => ({
      name: tr.string() ?? '',
      partitions: tr.array((pr) => ({ partition: pr.int32(), lowWatermark: Number(pr.int64()), errorCode: pr.int16() })),
    }));
    return { topics };
  },
};
