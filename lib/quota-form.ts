import { IP_QUOTA_KEYS, USER_CLIENT_QUOTA_KEYS, type ClientQuota, type QuotaEntity } from './types/quotas';

/** The quota form's pure parts: how an entity reads, and which values a submit sets or removes. */

export function describeEntity(entity: QuotaEntity): string {
  const part = (label: string, name: string | null | undefined) => (name === undefined ? [] : [`${label} ${name === null ? '(default)' : name}`]);
  return [...part('user', entity.user), ...part('client id', entity.clientId), ...part('ip', entity.ip)].join(' · ');
}

export const keysFor = (entity: QuotaEntity): readonly string[] => (entity.ip !== undefined ? IP_QUOTA_KEYS : USER_CLIENT_QUOTA_KEYS);

/**
 * The change a submit makes: a filled field sets its number, a field emptied that had a value
 * removes it (null), an empty field that had none is left out. Null when a field is not a number.
 */
export function valuesToSend(fields: Record<string, string>, current: Record<string, number> | undefined): Record<string, number | null> | null {
  const values: Record<string, number | null> = {};
  for (const [key, text] of Object.entries(fields)) {
    if (text.trim() === '') {
      if (current && Object.hasOwn(current, key)) values[key] = null;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) return null;
    values[key] = value;
  }
  return values;
}

/** Removing every value of a listed entity. */
export const removeAll = (quota: ClientQuota): Record<string, null> => Object.fromEntries(Object.keys(quota.values).map((key) => [key, null]));
