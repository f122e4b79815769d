/** The browser's one door to the JSON API: checks `res.ok` and throws a typed error. */
import type { ApiErrorCode } from '@/lib/api-errors';

/**
 * Failures the browser names itself: the server did not answer (NETWORK, status 0), answered
 * without an error body (HTTP_<status>), or ended an upload without its summary (NO_PROGRESS).
 */
export type ClientErrorCode = 'NETWORK' | 'NO_PROGRESS' | `HTTP_${number}`;

/** An API failure: the server's code from the catalogue (lib/api-errors.ts), or one of the browser's own. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The server's `{ error: { code, message } }`; its codes are the catalogue's (lib/api-errors.ts, unit-tested there). */
function isErrorBody(body: unknown): body is { error: { code: ApiErrorCode; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiRequestError(0, 'NETWORK', `The dashboard server did not answer: ${(error as Error).message}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message);
    throw new ApiRequestError(response.status, `HTTP_${response.status}`, `Request failed with status ${response.status}`);
  }
  return body as T;
}

/** The one wording for failures shown to users: "Failed to <action>: reason (code)". */
export function failureMessage(action: string, error: unknown): string {
  if (error instanceof ApiRequestError) return `Failed to ${action}: ${error.message} (${error.code})`;
  return `Failed to ${action}: ${(error as Error)?.message ?? String(error)}`;
}
