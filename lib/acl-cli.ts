import { shellQuote } from './topic-cli';
import type { AclFilter, NewAclBinding } from './types/acls';

/** The `kafka-acls.sh` commands equivalent to the ACL forms. Pure. */

/** kafka-acls spells operations in CamelCase (DescribeConfigs) and parses them back to Kafka's enum. */
const camel = (name: string) => name.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const RESOURCE_OPTION: Record<string, string> = {
  TOPIC: '--topic',
  GROUP: '--group',
  TRANSACTIONAL_ID: '--transactional-id',
};

function resourceWords(resourceType: string, resourceName: string | undefined, patternType: string | undefined): string[] {
  if (resourceType === 'CLUSTER') return ['--cluster'];
  const words = [RESOURCE_OPTION[resourceType] ?? '--topic', resourceName || '<name>'];
  if (patternType && patternType !== 'LITERAL') words.push('--resource-pattern-type', patternType.toLowerCase());
  return words;
}

const render = (words: string[]) => words.map(shellQuote).join(' ');

/** `kafka-acls.sh --add` for one binding. */
export function kafkaAclsAddCommand(bootstrap: string, b: NewAclBinding): string {
  const side = b.permission === 'DENY' ? 'deny' : 'allow';
  return render([
    'kafka-acls.sh',
    '--bootstrap-server',
    bootstrap,
    '--add',
    `--${side}-principal`,
    b.principal || '<Type:name>',
    `--${side}-host`,
    b.host || '*',
    '--operation',
    camel(b.operation),
    ...resourceWords(b.resourceType, b.resourceName, b.patternType),
  ]);
}

/**
 * `kafka-acls.sh --list` for a filter, the preview of a delete. kafka-acls lists by principal or
 * resource (not by operation, host or permission, which the dashboard filters on as well).
 */
export function kafkaAclsListCommand(bootstrap: string, f: AclFilter): string {
  const words = ['kafka-acls.sh', '--bootstrap-server', bootstrap, '--list'];
  if (f.principal) words.push('--principal', f.principal);
  if (f.resourceType && f.resourceType !== 'ANY') words.push(...resourceWords(f.resourceType, f.resourceName, f.patternType ?? 'ANY'));
  else if (f.patternType && f.patternType !== 'ANY') words.push('--resource-pattern-type', f.patternType.toLowerCase());
  return render(words);
}

/**
 * `kafka-acls.sh --remove` for a filter, when kafka-acls can express it: it removes by resource
 * (optionally narrowed to a principal, operation and host), never by principal alone; then null.
 */
export function kafkaAclsRemoveCommand(bootstrap: string, f: AclFilter): string | null {
  if (!f.resourceType || f.resourceType === 'ANY' || (f.resourceType !== 'CLUSTER' && !f.resourceName)) return null;
  const words = ['kafka-acls.sh', '--bootstrap-server', bootstrap, '--remove', '--force'];
  if (f.principal) {
    const sides = f.permission === 'ALLOW' ? ['allow'] : f.permission === 'DENY' ? ['deny'] : ['allow', 'deny'];
    for (const side of sides) words.push(`--${side}-principal`, f.principal, ...(f.host ? [`--${side}-host`, f.host] : []));
    if (f.operation && f.operation !== 'ANY') words.push('--operation', camel(f.operation));
  }
  words.push(...resourceWords(f.resourceType, f.resourceName, f.patternType ?? 'ANY'));
  return render(words);
}
