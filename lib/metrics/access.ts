import { createHash, timingSafeEqual } from 'node:crypto';
import { type ApiErrorCode, statusOf } from '@/lib/api-errors';

export type MetricsAccess = { ok: true } | { ok: false; status: number; code: ApiErrorCode; message: string };

/** A refusal whose status is the catalogue's for its code. */
const refuse = (code: ApiErrorCode, message: string): MetricsAccess => ({ ok: false, status: statusOf(code), code, message });

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may scrape /metrics. Login off (no AUTH_USERS): open, like every other route. Login on: a
 * Prometheus server has no session, so it sends `Authorization: Bearer <METRICS_TOKEN>`; without a
 * METRICS_TOKEN the endpoint does not exist (404), so turning login on never exposes it by accident.
 * Pure (the environment is passed in).
 */
export function metricsAccess(env: Record<string, string | undefined>, authorization: string | null): MetricsAccess {
  if (!env.AUTH_USERS?.trim()) return { ok: true };
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return refuse('NOT_FOUND', 'Not found');
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
  // Compared as digests: equal lengths, and no timing hint about the token.
  if (sent && timingSafeEqual(digest(sent), digest(token))) return { ok: true };
  return refuse('UNAUTHENTICATED', 'Send Authorization: Bearer <METRICS_TOKEN> to read the metrics');
}
