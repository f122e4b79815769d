import 'server-only';
import { NextResponse } from 'next/server';
import { type ApiErrorCode, statusOf } from '@/lib/api-errors';
import type { ZodType } from '@/lib/zod';
import { SAFE_METHODS } from '@/lib/auth/authorize';
import { isReadOnly } from '@/lib/config';
import { ApiError, UnexpectedError, logUnexpected } from '@/lib/kafka/errors';
import { firstProblem } from '@/lib/topic-validation';
import { PUBLIC_ORIGIN_HEADER } from '@/server/client-address.mjs';

export type ErrorBody = { error: { code: ApiErrorCode; message: string; requestId?: string } };

/** `{ error: { code, message } }` with the status the catalogue (lib/api-errors.ts) gives the code. */
export function errorResponse(code: ApiErrorCode, message: string, requestId?: string) {
  return NextResponse.json<ErrorBody>(
    { error: requestId ? { code, message, requestId } : { code, message } },
    { status: statusOf(code), headers: { 'Cache-Control': 'no-store' } },
  );
}

/**
 * Cluster data is never kept by the browser or a proxy in between: every answer is no-store unless
 * the route says otherwise (the SSE stream adds no-transform, which keeps Next from gzipping it;
 * set for all of /api in next.config.js instead, no-store replaced the stream's own header, and
 * gzip cost the tail 40% of its throughput and held events back).
 */
function noStore(response: Response): Response {
  if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

/**
 * Wraps a route handler so that anything it throws becomes `{ error: { code, message } }` with the
 * right status. Changes are refused up front when they come from another site or, unless the route
 * says it changes nothing in a cluster (login, logout), when the dashboard is READ_ONLY.
 */
export function withErrorHandling<A extends unknown[]>(handler: (...args: A) => Promise<Response>, { changesCluster = true } = {}) {
  return async (...args: A): Promise<Response> => {
    const request = args[0] instanceof Request ? args[0] : null;
    try {
      if (request) refuseUnsafeMutation(request, changesCluster);
      return noStore(await handler(...args));
    } catch (error) {
      if (error instanceof ApiError && !(error instanceof UnexpectedError)) {
        if (error.status >= 500 && error.status !== 503) console.error(error);
        return errorResponse(error.code, error.message);
      }
      const told = logUnexpected(
        error instanceof UnexpectedError ? error.cause : error,
        request ? `in ${request.method} ${new URL(request.url).pathname}` : 'in a route handler',
      );
      return errorResponse(told.code, told.message, told.requestId);
    }
  };
}

/** JSON bodies are small (files go to the upload endpoint, which streams). */
const MAX_JSON_BYTES = 1024 * 1024;
const tooLarge = () => new ApiError('BODY_TOO_LARGE', `JSON bodies are limited to ${MAX_JSON_BYTES / 1024} KiB; upload files to …/messages/upload`);

/** `application/json`, optionally with `charset=utf-8`, and nothing else (`text/plain; x=application/json` is not JSON). */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((p) => p === '' || p.replace(/\s/g, '') === 'charset=utf-8' || p.replace(/\s/g, '') === 'charset="utf-8"');
}

/**
 * Reads a JSON body and validates it with `schema`: malformed JSON, a wrong content type or a
 * failed check is a 4xx naming the problem, before anything reaches Kafka.
 */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('MALFORMED_JSON', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('INVALID_INPUT', firstProblem(parsed.error));
  return parsed.data;
}

/** Route params arrive as strings; this names them for handlers. */
export type Params<K extends string> = { params: Promise<Record<K, string>> };

/**
 * The origin this request was made to, as the browser saw it: the front server (server/index.mjs)
 * works it out from the socket and trusted proxies; without it, the Host header over http.
 */
function requestOrigin(request: Request): string {
  const stamped = request.headers.get(PUBLIC_ORIGIN_HEADER);
  if (stamped) return stamped;
  const url = new URL(request.url);
  return `${url.protocol}//${request.headers.get('host') ?? url.host}`;
}

/**
 * Refuses a change when the dashboard is read-only (for routes that change a cluster), and CSRF:
 * a browser says where a request comes from (Origin, Sec-Fetch-Site); anything but this very
 * origin (scheme, host and port) is refused. Scripts and curl send neither and pass.
 */
export function refuseUnsafeMutation(request: Request, changesCluster = true) {
  if (SAFE_METHODS.has(request.method)) return;
  if (changesCluster && isReadOnly()) throw new ApiError('READ_ONLY', 'This dashboard is read-only (READ_ONLY=true): no changes are made');
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new ApiError('CROSS_SITE_REQUEST', 'Changes are only accepted from the dashboard itself');
  }
  const origin = request.headers.get('origin');
  if (origin === null) return;
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    throw new ApiError('CROSS_SITE_REQUEST', 'The request has an unreadable Origin');
  }
  let expected: string;
  try {
    expected = new URL(requestOrigin(request)).origin;
  } catch {
    throw new ApiError('CROSS_SITE_REQUEST', 'The request has an unreadable Host');
  }
  if (sent !== expected) {
    throw new ApiError(
      'CROSS_SITE_REQUEST',
      `Changes are only accepted from the dashboard itself (${expected}), not from ${origin.slice(0, 200)}; behind a reverse proxy, list it in TRUSTED_PROXIES`,
    );
  }
}
