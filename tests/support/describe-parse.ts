/** Parsers for Kafka CLI output, the reference the dashboard is compared with. */

export interface CliPartition {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

const ids = (list: string) => (list.trim() ? list.split(',').map(Number) : []);

/** `kafka-topics --describe --topic T` partition lines. */
export function parseTopicDescribe(output: string): CliPartition[] {
  return output
    .split('\n')
    .map((line) => line.match(/\tPartition: (\d+)\tLeader: (-?\d+|none)\tReplicas: ([\d,]*)\tIsr: ([\d,]*)/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map(([, partition, leader, replicas, isr]) => ({
      partition: Number(partition),
      leader: leader === 'none' ? -1 : Number(leader),
      replicas: ids(replicas),
      isr: ids(isr),
    }))
    .sort((a, b) => a.partition - b.partition);
}

/** `kafka-get-offsets --topic T --time -1|-2` lines `T:partition:offset`. */
export function parseGetOffsets(output: string): Map<number, number> {
  return new Map(
    output
      .split('\n')
      .map((line) => line.match(/:(\d+):(\d+)$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map(([, partition, offset]) => [Number(partition), Number(offset)]),
  );
}

/** The "Configs:" part of the topic line of `kafka-topics --describe`: the topic's overrides. */
export function parseTopicOverrides(output: string): Record<string, string> {
  const configs = output.match(/\tConfigs: ?(.*)$/m)?.[1] ?? '';
  // Values may hold commas (cleanup.policy=compact,delete): split only before the next "key=".
  return Object.fromEntries(
    configs
      .split(/,(?=[a-z0-9.]+=)/)
      .filter((kv) => kv.includes('='))
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}
