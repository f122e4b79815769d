import fs from 'node:fs';
import path from 'node:path';
import { NODE_IDS, dataDir } from '../../cluster/nodes.mjs';
import { kafkaCli } from './kafka-cli';

/**
 * The compression codec of every record batch of a partition, in log order, as Kafka's own
 * DumpLogSegments reads the segment files of the first replica found on disk.
 */
export function batchCodecs(topic: string, partition: number): string[] {
  for (const id of NODE_IDS) {
    const dir = path.join(dataDir(id), `${topic}-${partition}`);
    if (!fs.existsSync(dir)) continue;
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.log')).sort().map((f) => path.join(dir, f));
    const dump = kafkaCli('dump-log', '--files', files.join(','));
    return [...dump.matchAll(/compresscodec: (\w+)/g)].map((m) => m[1].toLowerCase());
  }
  throw new Error(`no replica of ${topic}-${partition} on disk`);
}
