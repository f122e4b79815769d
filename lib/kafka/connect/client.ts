import 'server-only';
import { basicAuthHeader, withoutTrailingSlashes } from '../neighbour-http';
import type { ConnectConfig } from '@/lib/config';
import type { ApiErrorCode } from '@/lib/api-errors';
import { ApiError } from '../errors';
import { exchange, type WorkerAnswer } from './http';

/** A worker that takes longer is taken as down: a page must not hang on it (Connect's own limit is 90 s). */
const TIMEOUT_MS = 15_000;

const authHeader = basicAuthHeader; // shared with the other neighbour client (lib/kafka/neighbour-http.ts)

/**
 * Connect's error codes are HTTP statuses; ours name the condition, each with its own status: the
 * worker refusing the dashboard's credentials is a 502 (the user's own session is fine).
 */
export function connectErrorCode(status: number): ApiErrorCode {
  if (status === 404) return 'CONNECT_NOT_FOUND';
  if (status === 409) return 'CONNECT_CONFLICT';
  if (status === 400 || status === 422) return 'CONNECT_BAD_REQUEST';
  if (status === 401 || status === 403) return 'CONNECT_UNAUTHORIZED';
  return 'CONNECT_ERROR';
}

/** OpenSSL's verification codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED…) and Node's own. */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/;

/** Why a worker gave no answer, in words an operator acts on. */
function unreachable(who: string, error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'ABORT_ERR') return `${who} does not answer (no answer within ${TIMEOUT_MS / 1000} s)`;
  if (CERTIFICATE_CODE.test(code)) return `${who}: its TLS certificate is not trusted (${code}; check its ssl.caFile)`;
  return `${who} does not answer (${code || error.message})`;
}

/**
 * One request to a Connect worker's REST API; the JSON answer (null when empty). A worker that does
 * not answer, or answers 5xx, is a 503 naming it and why; its 4xx are passed on with its own message.
 */
export async function connectRequest<T>(config: ConnectConfig, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const who = `Kafka Connect "${config.name}" at ${config.url}`;
  let response: WorkerAnswer;
  try {
    response = await exchange(config, new URL(`${withoutTrailingSlashes(config.url)}${path}`), {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...authHeader(config) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof ApiError) throw error; // a TLS file of the settings that cannot be read
    throw new ApiError('CONNECT_UNAVAILABLE', unreachable(who, error as NodeJS.ErrnoException));
  }
  const text = response.text;
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: handled below by status.
  }
  const message = typeof (json as { message?: unknown } | null)?.message === 'string' ? (json as { message: string }).message : '';
  if (response.status >= 500) {
    throw new ApiError('CONNECT_UNAVAILABLE', `${who} answered ${response.status}${message ? `: ${message}` : ''}`);
  }
  if (response.status >= 300) throw new ApiError(connectErrorCode(response.status), message || `${who} answered ${response.status}`);
  return json as T;
}

/** A path segment from an untrusted name (a connector may be called `__proto__` or contain `/`). */
export const segment = (name: string) => encodeURIComponent(name);
