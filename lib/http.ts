import 'server-only';
import { NextResponse } from 'next/server';
import type { ZodType } from 'zod';
import { SAFE_METHODS } from '@/lib/auth/authorize';
import { isReadOnly } from '@/lib/config';
import { ApiError } from '@/lib/kafka/errors';
import { firstProblem } from '@/lib/topic-validation';

export type ErrorBody = { error: { code: string; message: string } };

export function errorResponse(status: number, code: string, message: string) {
  return NextResponse.json<ErrorBody>({ error: { code, message } }, { status });
}

/**
 * Wraps a route handler so that anything it throws becomes `{ error: { code, message } }` with
 * the right status; unknown errors are logged with their cause and answered 500 without a stack.
 */
export function withErrorHandling<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      if (args[0] instanceof Request) refuseCrossSiteMutation(args[0]);
      return await handler(...args);
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status >= 500 && error.status !== 503) console.error(error);
        return errorResponse(error.status, error.code, error.message);
      }
      console.error('Unhandled error in route handler', error);
      return errorResponse(500, 'INTERNAL', 'Unexpected server error');
    }
  };
}

/** JSON bodies are small (files go to the upload endpoint, which streams). */
const MAX_JSON_BYTES = 1024 * 1024;
const tooLarge = () => new ApiError(413, 'BODY_TOO_LARGE', `JSON bodies are limited to ${MAX_JSON_BYTES / 1024} KiB; upload files to …/messages/upload`);

/**
 * Reads a JSON body and validates it with `schema`: malformed JSON, a wrong content type or a
 * failed check is a 400 naming the problem, before anything reaches Kafka.
 */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'INVALID_INPUT', firstProblem(parsed.error));
  return parsed.data;
}

/** Route params arrive as strings; this names them for handlers. */
export type Params<K extends string> = { params: Promise<Record<K, string>> };


/**
 * CSRF defence for every mutation: a browser says where a request comes from (Origin, and
 * Sec-Fetch-Site); anything from another site is refused. Scripts and curl send neither and pass.
 */
export function refuseCrossSiteMutation(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  if (isReadOnly()) throw new ApiError(403, 'READ_ONLY', 'This dashboard is read-only (READ_ONLY=true): no changes are made');
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new ApiError(403, 'CROSS_SITE_REQUEST', 'Changes are only accepted from the dashboard itself');
  }
  const origin = request.headers.get('origin');
  if (!origin) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError(403, 'CROSS_SITE_REQUEST', 'The request has an unreadable Origin');
  }
  if (originHost !== host) throw new ApiError(403, 'CROSS_SITE_REQUEST', `Changes are only accepted from the dashboard itself, not from ${origin}`);
}
