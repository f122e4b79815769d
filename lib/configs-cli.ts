import type { QuotaEntity } from './types/quotas';
import { shellQuote } from './topic-cli';

/** The `kafka-configs.sh` commands equivalent to the users and quotas forms. Pure. */

const PASSWORD_MASK = '********';

const head = (bootstrap: string) => ['kafka-configs.sh', '--bootstrap-server', bootstrap, '--alter'];

/** Creating a user or setting its password; the password is always shown masked. */
export function kafkaConfigsScramCommand(bootstrap: string, user: { name: string; mechanism: string; iterations: number }): string {
  return [
    ...head(bootstrap),
    '--add-config',
    `${user.mechanism}=[iterations=${user.iterations},password=${PASSWORD_MASK}]`,
    '--entity-type',
    'users',
    '--entity-name',
    user.name,
  ]
    .map(shellQuote)
    .join(' ');
}

export function kafkaConfigsDeleteScramCommand(bootstrap: string, name: string, mechanisms: string[]): string {
  return [...head(bootstrap), '--delete-config', mechanisms.join(','), '--entity-type', 'users', '--entity-name', name].map(shellQuote).join(' ');
}

/** `--entity-type users --entity-name alice --entity-type clients --entity-default` for an entity. */
export function entityArgs(entity: QuotaEntity): string[] {
  const part = (type: string, name: string | null | undefined) =>
    name === undefined ? [] : ['--entity-type', type, ...(name === null ? ['--entity-default'] : ['--entity-name', name])];
  return [...part('users', entity.user), ...part('clients', entity.clientId), ...part('ips', entity.ip)];
}

/** Setting (number) and removing (null) quota values of one entity. */
export function kafkaConfigsQuotaCommand(bootstrap: string, entity: QuotaEntity, values: Record<string, number | null>): string {
  const entries = Object.entries(values);
  const set = entries.filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
  const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
  return [
    ...head(bootstrap),
    ...(set.length ? ['--add-config', set.join(',')] : []),
    ...(removed.length ? ['--delete-config', removed.join(',')] : []),
    ...entityArgs(entity),
  ]
    .map(shellQuote)
    .join(' ');
}
