import { shellQuote } from './topic-cli';

/** The kafka-reassign-partitions equivalents of the planner's actions. Pure. */

/** The --reassignment-json-file contents for these partitions. */
export function reassignmentJson(partitions: { topic: string; partition: number; replicas: number[] }[]): string {
  return JSON.stringify({ version: 1, partitions: partitions.map(({ topic, partition, replicas }) => ({ topic, partition, replicas })) });
}

/** `--execute` with the plan inline (a here-document), and the throttle when one is set. */
export function reassignExecuteCommand(
  bootstrap: string,
  partitions: { topic: string; partition: number; replicas: number[] }[],
  throttleBytesPerSec?: number,
): string {
  const words = ['kafka-reassign-partitions.sh', '--bootstrap-server', bootstrap, '--execute', '--reassignment-json-file', 'plan.json'];
  if (throttleBytesPerSec !== undefined) words.push('--throttle', String(throttleBytesPerSec));
  return `cat > plan.json <<'EOF'\n${reassignmentJson(partitions)}\nEOF\n${words.map(shellQuote).join(' ')}`;
}

/** The replica ids typed in the manual editor ("2, 0 1"), or why they cannot be used. */
export function parseReplicaList(text: string): { replicas: number[] } | { problem: string } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { problem: 'Enter at least one broker id' };
  const replicas: number[] = [];
  for (const word of words) {
    if (!/^\d{1,9}$/.test(word)) return { problem: `"${word.slice(0, 20)}" is not a broker id` };
    const id = Number(word);
    if (replicas.includes(id)) return { problem: `Broker ${id} is listed twice` };
    replicas.push(id);
  }
  return { replicas };
}
