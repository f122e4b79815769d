import { vi } from 'vitest';

/** One answer of the fake server: a JSON body (or raw text) with a status. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  /** Sent as-is instead of `body` (an answer that is not JSON). */
  text?: string;
}

export interface FakeRequest {
  method: string;
  url: string;
  /** The JSON body sent, parsed; undefined without one. */
  body: unknown;
}

type Route = FakeAnswer | ((request: FakeRequest) => FakeAnswer);

/**
 * Replaces the global `fetch` (the only thing faked in hook and form tests) with a server that
 * answers "METHOD /path?query" routes and records every request. An unknown route fails like a
 * network error would, naming the request, so a wrong URL shows in the test's failure.
 */
export function fakeFetch(routes: Record<string, Route>) {
  const requests: FakeRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request: FakeRequest = {
        method: init?.method ?? 'GET',
        url: String(input),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      requests.push(request);
      const route = routes[`${request.method} ${request.url}`];
      if (!route) throw new TypeError(`no fake answer for ${request.method} ${request.url}`);
      const answer = typeof route === 'function' ? route(request) : route;
      return new Response(answer.text ?? JSON.stringify(answer.body ?? null), {
        status: answer.status ?? 200,
        headers: { 'Content-Type': answer.text === undefined ? 'application/json' : 'text/plain' },
      });
    }),
  );
  return {
    requests,
    /** The URLs read with GET since `since` (an index into `requests`), sorted. */
    getsSince: (since: number) =>
      requests
        .slice(since)
        .filter((r) => r.method === 'GET')
        .map((r) => r.url)
        .sort(),
  };
}

/** An error answer in the API's one shape: { error: { code, message } }. */
export const apiError = (status: number, code: string, message: string): FakeAnswer => ({ status, body: { error: { code, message } } });
