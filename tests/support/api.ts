/** Calls route handlers directly, as Next would, with JSON bodies. */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(handler: unknown, params: Record<string, string>, init?: { method?: string; body?: unknown; rawBody?: string; url?: string }) {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (init?.rawBody !== undefined) {
    body = init.rawBody;
    headers['content-type'] = 'application/json';
  } else if (init?.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const request = new Request(init?.url ?? 'http://localhost/api', { method: init?.method ?? 'GET', headers, body });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
