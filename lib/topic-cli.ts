/** The `kafka-topics.sh --create` command equivalent to the create form. Pure. */

/** Quotes a shell word only when it needs it. */
export function shellQuote(word: string): string {
  return /^[a-zA-Z0-9._\-/:=,@+]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function kafkaTopicsCreateCommand(input: {
  bootstrap: string;
  name: string;
  partitions: number | string;
  replicationFactor: number | string;
  configs?: Record<string, string>;
}): string {
  const words = [
    'kafka-topics.sh',
    '--bootstrap-server',
    input.bootstrap,
    '--create',
    '--topic',
    input.name || '<name>',
    '--partitions',
    String(input.partitions),
    '--replication-factor',
    String(input.replicationFactor),
  ];
  for (const [key, value] of Object.entries(input.configs ?? {})) words.push('--config', `${key}=${value}`);
  return words.map(shellQuote).join(' ');
}
