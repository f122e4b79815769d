import { ClassicReader, ClassicWriter } from '../wire';
import type { KafkaApi } from '../api';

/**
 * DescribeLogDirs (API key 35, version 1): the bytes each replica takes on a broker's disk, what
 * `kafka-log-dirs --describe` prints. kafkajs lacks it. Each broker answers for its own disks only.
 */
export interface DescribeLogDirsRequest {
  /** The given partitions, or every topic (null). */
  topics: { topic: string; partitions: number[] }[] | null;
}

export interface LogDirReplica {
  topic: string;
  partition: number;
  sizeBytes: number;
  isFuture: boolean;
}

export interface LogDir {
  errorCode: number;
  path: string;
  replicas: LogDirReplica[];
}

export const describeLogDirs: KafkaApi<DescribeLogDirsRequest, LogDir[]> = {
  name: 'DescribeLogDirs',
  apiKey: 35,
  versions: [1],
  encode({ topics }) {
    return new ClassicWriter().array(topics, (w, t) => w.string(t.topic).array(t.partitions, (pw, p) => pw.int32(p))).toBuffer();
  },
  decode(payload) {
    const r = new ClassicReader(payload);
    r.int32(); // throttle time
    return r.array((dr) => {
      const errorCode = dr.int16();
      const path = dr.string() ?? '';
      const replicas = dr
        .array((tr) => {
          const topic = tr.string() ?? '';
          return tr.array((pr) => {
            const partition = pr.int32();
            const sizeBytes = Number(pr.int64());
            pr.int64(); // offset lag (for future replicas)
            const isFuture = pr.boolean();
            return { topic, partition, sizeBytes, isFuture };
          });
        })
        .flat();
      return { errorCode, path, replicas };
    });
  },
};
