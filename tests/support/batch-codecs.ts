import fs from 'node:fs';
import path from 'node:path';
import { NODE_IDS, dataDir } from '../../cluster/nodes.mjs';
import { kafkaCli } from './kafka-cli';

/**
 * The compression codec of every record batch of each partition of `topic`, in log order, as
 * Kafka's own DumpLogSegments reads the segment files on disk (first replica found), in one run.
 */
export function batchCodecs(topic: string): Map<number, string[]> {
  const files = new Map<string, number>();
  for (const partition of partitionsOnDisk(topic)) {
    const dir = partition.dir;
    for (const f of fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.log'))
      .sort())
      files.set(path.join(dir, f), partition.id);
  }
  const codecs = new Map<number, string[]>();
  let current: number | undefined;
  for (const line of kafkaCli('dump-log', '--files', [...files.keys()].join(',')).split('\n')) {
    const dumping = line.match(/^Dumping (.+)$/);
    if (dumping) current = files.get(dumping[1].trim());
    const codec = line.match(/compresscodec: (\w+)/);
    if (codec && current !== undefined) codecs.set(current, [...(codecs.get(current) ?? []), codec[1].toLowerCase()]);
  }
  return codecs;
}

function partitionsOnDisk(topic: string) {
  const found = new Map<number, string>();
  for (const id of NODE_IDS) {
    for (const name of fs.existsSync(dataDir(id)) ? fs.readdirSync(dataDir(id)) : []) {
      const match = name.startsWith(`${topic}-`) ? name.slice(topic.length + 1).match(/^(\d+)$/) : null;
      if (match && !found.has(Number(match[1]))) found.set(Number(match[1]), path.join(dataDir(id), name));
    }
  }
  if (!found.size) throw new Error(`no replica of ${topic} on disk`);
  return [...found].map(([id, dir]) => ({ id, dir }));
}
