import type { ConnectorType } from '@/lib/types/connect';

const own = (config: Record<string, string>, key: string) => (Object.hasOwn(config, key) ? config[key] : undefined);

/** The consumer group a sink connector's tasks commit in: Connect's `connect-<name>`, or the connector's override. Pure. */
export function sinkGroupId(name: string, config: Record<string, string>): string {
  const override = own(config, 'consumer.override.group.id')?.trim();
  return override || `connect-${name}`;
}

/**
 * Whether a connector uses a topic: among the topics Connect saw it use (KIP-558), or for a sink, named
 * in its `topics` setting (a sink that has read nothing yet still subscribes). `topics.regex` is not
 * matched here (Java regular expressions; its topics show once read). Pure.
 */
export function usesTopic(connector: { type: ConnectorType; topics: string[]; config: Record<string, string> }, topic: string): boolean {
  if (connector.topics.includes(topic)) return true;
  if (connector.type !== 'sink') return false;
  return (own(connector.config, 'topics') ?? '').split(',').some((t) => t.trim() === topic);
}
