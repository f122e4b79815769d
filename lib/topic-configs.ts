/**
 * Kafka's topic-level configs with their types (Kafka 4.x, TopicConfig/LogConfig), for the create
 * form and for checking values before Kafka sees them. Unknown names are left for Kafka to refuse,
 * so a newer broker's configs still work. Pure.
 */
export type ConfigType = 'long' | 'int' | 'double' | 'boolean' | 'string' | 'list' | 'enum';

export interface TopicConfigSpec {
  type: ConfigType;
  values?: string[];
  min?: number;
  /** How to show the value to a person. */
  unit?: 'ms' | 'bytes';
}

export const TOPIC_CONFIGS: Record<string, TopicConfigSpec> = {
  'cleanup.policy': { type: 'list', values: ['delete', 'compact'] },
  'compression.type': { type: 'enum', values: ['producer', 'uncompressed', 'zstd', 'lz4', 'snappy', 'gzip'] },
  'compression.gzip.level': { type: 'int' },
  'compression.lz4.level': { type: 'int' },
  'compression.zstd.level': { type: 'int' },
  'delete.retention.ms': { type: 'long', min: 0, unit: 'ms' },
  'file.delete.delay.ms': { type: 'long', min: 0, unit: 'ms' },
  'flush.messages': { type: 'long', min: 1 },
  'flush.ms': { type: 'long', min: 0, unit: 'ms' },
  'follower.replication.throttled.replicas': { type: 'list' },
  'leader.replication.throttled.replicas': { type: 'list' },
  'index.interval.bytes': { type: 'int', min: 0, unit: 'bytes' },
  'local.retention.bytes': { type: 'long', min: -2, unit: 'bytes' },
  'local.retention.ms': { type: 'long', min: -2, unit: 'ms' },
  'max.compaction.lag.ms': { type: 'long', min: 1, unit: 'ms' },
  'max.message.bytes': { type: 'int', min: 0, unit: 'bytes' },
  'message.timestamp.after.max.ms': { type: 'long', min: 0, unit: 'ms' },
  'message.timestamp.before.max.ms': { type: 'long', min: 0, unit: 'ms' },
  'message.timestamp.type': { type: 'enum', values: ['CreateTime', 'LogAppendTime'] },
  'min.cleanable.dirty.ratio': { type: 'double', min: 0 },
  'min.compaction.lag.ms': { type: 'long', min: 0, unit: 'ms' },
  'min.insync.replicas': { type: 'int', min: 1 },
  preallocate: { type: 'boolean' },
  'remote.storage.enable': { type: 'boolean' },
  'remote.log.copy.disable': { type: 'boolean' },
  'remote.log.delete.on.disable': { type: 'boolean' },
  'retention.bytes': { type: 'long', min: -1, unit: 'bytes' },
  'retention.ms': { type: 'long', min: -1, unit: 'ms' },
  'segment.bytes': { type: 'int', min: 1, unit: 'bytes' },
  'segment.index.bytes': { type: 'int', min: 4, unit: 'bytes' },
  'segment.jitter.ms': { type: 'long', min: 0, unit: 'ms' },
  'segment.ms': { type: 'long', min: 1, unit: 'ms' },
  'unclean.leader.election.enable': { type: 'boolean' },
};

/** Why `value` is not valid for config `name`, or null (also null for names we do not know). */
export function configValueProblem(name: string, value: string): string | null {
  // Own properties only: "constructor" or "__proto__" are unknown names, not Object's members.
  const spec = Object.hasOwn(TOPIC_CONFIGS, name) ? TOPIC_CONFIGS[name] : undefined;
  if (!spec) return null;
  const v = value.trim();
  switch (spec.type) {
    case 'long':
    case 'int': {
      if (!/^-?\d+$/.test(v)) return `${name} must be a whole number, got "${value}"`;
      // BigInt: Kafka's longs reach 9223372036854775807 (the default of max.compaction.lag.ms), past a double's precision.
      const n = BigInt(v);
      const bound = spec.type === 'int' ? 2n ** 31n : 2n ** 63n;
      if (n < -bound || n >= bound) return `${name} must fit in ${spec.type === 'int' ? 32 : 64} bits`;
      if (spec.min !== undefined && n < BigInt(spec.min)) return `${name} must be at least ${spec.min}`;
      return null;
    }
    case 'double': {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) return `${name} must be a number, got "${value}"`;
      if (spec.min !== undefined && n < spec.min) return `${name} must be at least ${spec.min}`;
      return null;
    }
    case 'boolean':
      return v === 'true' || v === 'false' ? null : `${name} must be true or false, got "${value}"`;
    case 'enum':
      return spec.values!.includes(v) ? null : `${name} must be one of ${spec.values!.join(', ')}`;
    case 'list': {
      if (!spec.values) return null;
      const bad = v
        .split(',')
        .map((s) => s.trim())
        .find((item) => !spec.values!.includes(item));
      return bad === undefined ? null : `${name} must be a comma-separated list of ${spec.values.join(', ')}`;
    }
    default:
      return null;
  }
}

/** Presets the create form offers for retention.ms. */
export const RETENTION_PRESETS: { label: string; value: string }[] = [
  { label: '1 hour', value: String(3_600_000) },
  { label: '6 hours', value: String(6 * 3_600_000) },
  { label: '1 day', value: String(86_400_000) },
  { label: '3 days', value: String(3 * 86_400_000) },
  { label: '7 days (Kafka default)', value: String(7 * 86_400_000) },
  { label: '30 days', value: String(30 * 86_400_000) },
  { label: 'Forever', value: '-1' },
];
