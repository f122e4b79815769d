/** What the client-quota endpoints return; shared by route handlers, hooks and components. */

/**
 * A quota entity. A key that is absent is not part of the entity; a key set to null is Kafka's
 * default entity of that type (`--entity-default`): `{ "user": null }` is the default for every
 * user, `{ "user": "alice", "clientId": null }` alice's default for any client id. `ip` stands alone.
 */
export interface QuotaEntity {
  user?: string | null;
  clientId?: string | null;
  ip?: string | null;
}

export const USER_CLIENT_QUOTA_KEYS = ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate'] as const;
export const IP_QUOTA_KEYS = ['connection_creation_rate'] as const;
export type QuotaKey = (typeof USER_CLIENT_QUOTA_KEYS)[number] | (typeof IP_QUOTA_KEYS)[number];

export interface ClientQuota {
  entity: QuotaEntity;
  /** Quota name → value, as Kafka stores it (a double). */
  values: Record<string, number>;
}

export interface ClientQuotaList {
  quotas: ClientQuota[];
}

/** PUT …/quotas: a number sets a value, null removes it; keys left out are not touched. */
export interface QuotaChange {
  entity: QuotaEntity;
  values: Record<string, number | null>;
}

/** One value a change would set (`to` a number) or remove (`to` null), with what it is now (`from`, null: not set). */
export interface QuotaValueChange {
  key: string;
  from: number | null;
  to: number | null;
}

/**
 * PUT …/quotas answers the entity's values afterwards; with `?dryRun=true` Kafka only validated the
 * change (validateOnly) and `values` are what they would be, `changes` what would move.
 */
export interface QuotaChangeResult extends ClientQuota {
  dryRun: boolean;
  changes?: QuotaValueChange[];
}
