/**
 * Kafka's `metadata.version` feature levels and the releases that introduced them, from
 * org.apache.kafka.server.common.MetadataVersion (levels 1–6 are 3.0–3.3 previews; 31 is 4.4-IV0,
 * not yet production in 4.3). Pure.
 */
const LEVELS: [level: number, name: string][] = [
  [1, '3.0-IV1'],
  [2, '3.1-IV0'],
  [3, '3.2-IV0'],
  [4, '3.3-IV0'],
  [5, '3.3-IV1'],
  [6, '3.3-IV2'],
  [7, '3.3-IV3'],
  [8, '3.4-IV0'],
  [9, '3.5-IV0'],
  [10, '3.5-IV1'],
  [11, '3.5-IV2'],
  [12, '3.6-IV0'],
  [13, '3.6-IV1'],
  [14, '3.6-IV2'],
  [15, '3.7-IV0'],
  [16, '3.7-IV1'],
  [17, '3.7-IV2'],
  [18, '3.7-IV3'],
  [19, '3.7-IV4'],
  [20, '3.8-IV0'],
  [21, '3.9-IV0'],
  [22, '4.0-IV0'],
  [23, '4.0-IV1'],
  [24, '4.0-IV2'],
  [25, '4.0-IV3'],
  [26, '4.1-IV0'],
  [27, '4.1-IV1'],
  [28, '4.2-IV0'],
  [29, '4.2-IV1'],
  [30, '4.3-IV0'],
  [31, '4.4-IV0'],
];
const BY_LEVEL = new Map(LEVELS);

export interface KafkaVersion {
  /** The Kafka release line the cluster runs at least, e.g. "4.3" (the patch release is not reported). */
  release: string;
  /** The finalized metadata.version, e.g. "4.3-IV0", as `kafka-features describe` prints it. */
  metadataVersion: string;
}

/** The release line behind a finalized metadata.version level; null for a level this table does not know. */
export function kafkaVersionFromMetadataLevel(level: number | undefined): KafkaVersion | null {
  const metadataVersion = level === undefined ? undefined : BY_LEVEL.get(level);
  if (!metadataVersion) return null;
  return { release: metadataVersion.slice(0, metadataVersion.indexOf('-')), metadataVersion };
}
