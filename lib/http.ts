import 'server-only';
import { NextResponse } from 'next/server';
import { ApiError } from '@/lib/kafka/errors';

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
