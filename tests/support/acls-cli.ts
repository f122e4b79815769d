import type { AclBinding } from '@/lib/types/acls';
import { kafkaCli } from './kafka-cli';

// "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:"
const RESOURCE = /^Current ACLs for resource `ResourcePattern\(resourceType=([A-Z_]+), name=(.*), patternType=([A-Z]+)\)`:/;
// "\t(principal=User:bob, host=*, operation=READ, permissionType=DENY)"
const ENTRY = /^\s*\(principal=(.*), host=(\S+), operation=([A-Z_]+), permissionType=([A-Z]+)\)\s*$/;

/** `kafka-acls --list ARGS`, parsed into the API's bindings: the reference the ACL endpoints are checked against. */
export function listAclsWithCli(...args: string[]): AclBinding[] {
  const bindings: AclBinding[] = [];
  let resource: RegExpMatchArray | null = null;
  for (const line of kafkaCli('acls', '--list', ...args).split('\n')) {
    const header = line.match(RESOURCE);
    if (header) resource = header;
    const entry = line.match(ENTRY);
    if (entry && resource) {
      bindings.push({
        resourceType: resource[1],
        resourceName: resource[2],
        patternType: resource[3],
        principal: entry[1],
        host: entry[2],
        operation: entry[3],
        permission: entry[4],
      });
    }
  }
  return bindings;
}

/** Bindings in one order, to compare sets. */
export const sortedBindings = (bindings: AclBinding[]) =>
  bindings.map((b) => JSON.stringify([b.principal, b.resourceType, b.resourceName, b.patternType, b.host, b.operation, b.permission])).sort();
