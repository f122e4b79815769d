import { ClassicReader, ClassicWriter } from './wire';

/**
 * DescribeLogDirs (API key 35, version 1): the bytes each replica takes on a broker's disk, what
 * `kafka-log-dirs --describe` prints. kafkajs lacks it. Each broker answers for its own disks only.
 */
export const DESCRIBE_LOG_DIRS_API_KEY = 35;
export const DESCRIBE_LOG_DIRS_VERSION = 1;

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

/** Asks for the given partitions, or every topic (a null topic list). */
export function encodeDescribeLogDirsRequest(topics: { topic: string; partitions: number[] }[] | null = null): Buffer {
  return new ClassicWriter().array(topics, (w, t) => w.string(t.topic).array(t.partitions, (pw, p) => pw.int32(p))).toBuffer();
}

export function decodeDescribeLogDirsResponse(payload: Buffer): LogDir[] {
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
}
