import { z } from '@/lib/zod';
import { IP_QUOTA_KEYS, USER_CLIENT_QUOTA_KEYS } from './types/quotas';

const entityName = (what: string) =>
  z.union(
    [
      z
        .string()
        .min(1, { error: `${what} must not be empty (null is the default ${what})` })
        .max(255),
      z.null(),
    ],
    {
      error: `${what} must be a name or null (the default)`,
    },
  );

const value = z.union([z.number().finite().nonnegative({ error: 'quota values must be 0 or more' }), z.null()], {
  error: 'each value must be a number, or null to remove it',
});

/**
 * The body of PUT …/quotas. Pure. Kafka's entities: user, client id, user + client id, or ip on its
 * own; user/client quotas take the four rate keys, ip quotas connection_creation_rate only.
 */
export const quotaChangeSchema = z
  .object({
    entity: z.strictObject(
      { user: entityName('user').optional(), clientId: entityName('clientId').optional(), ip: entityName('ip').optional() },
      {
        error: 'entity may only have user, clientId and ip',
      },
    ),
    values: z.record(z.string(), value, { error: 'values must be an object of quota names to numbers or null' }),
  })
  .superRefine((change, ctx) => {
    const { user, clientId, ip } = change.entity;
    const hasIp = ip !== undefined;
    if (!hasIp && user === undefined && clientId === undefined) ctx.addIssue({ code: 'custom', message: 'entity needs a user, a clientId or an ip' });
    else if (hasIp && (user !== undefined || clientId !== undefined))
      ctx.addIssue({ code: 'custom', message: 'an ip quota stands alone: no user or clientId with it' });
    const allowed: readonly string[] = hasIp ? IP_QUOTA_KEYS : USER_CLIENT_QUOTA_KEYS;
    const keys = Object.keys(change.values);
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'values must name at least one quota' });
    for (const key of keys) {
      if (!allowed.includes(key))
        ctx.addIssue({ code: 'custom', message: `${key} is not a ${hasIp ? 'ip' : 'user/client'} quota; one of ${allowed.join(', ')}` });
    }
  });
