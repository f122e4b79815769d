import type { QuotaEntity } from './types/quotas';

/** Kafka's entity parts ("user", "client-id", "ip"; a null name is the default) ↔ our QuotaEntity. Pure. */
export interface QuotaEntityPart {
  entityType: string;
  entityName: string | null;
}

const TO_KAFKA = [
  ['user', 'user'],
  ['clientId', 'client-id'],
  ['ip', 'ip'],
] as const;

export function toKafkaEntity(entity: QuotaEntity): QuotaEntityPart[] {
  const parts: QuotaEntityPart[] = [];
  for (const [ours, kafka] of TO_KAFKA) {
    const name = entity[ours];
    if (name !== undefined) parts.push({ entityType: kafka, entityName: name });
  }
  return parts;
}

/** Our entity for Kafka's parts, or null when a part has a type this dashboard does not know. */
export function fromKafkaEntity(parts: QuotaEntityPart[]): QuotaEntity | null {
  const entity: QuotaEntity = {};
  for (const part of parts) {
    const known = TO_KAFKA.find(([, kafka]) => kafka === part.entityType);
    if (!known) return null;
    entity[known[0]] = part.entityName;
  }
  return entity;
}

/** One string per entity (for sorting and matching): user, then client id, then ip; a default sorts first. */
export function entityKey(entity: QuotaEntity): string {
  return TO_KAFKA.map(([ours]) => (entity[ours] === undefined ? '-' : entity[ours] === null ? '<default>' : `=${entity[ours]}`)).join('\u0000');
}
