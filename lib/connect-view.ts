import type { ConnectConfigField, ConnectorSummary } from '@/lib/types/connect';

/** Running and failed tasks of a connector, as the list shows them. Pure. */
export function taskCounts(connector: Pick<ConnectorSummary, 'tasks'>): { running: number; failed: number; total: number } {
  let running = 0;
  let failed = 0;
  for (const task of connector.tasks) {
    if (task.state === 'RUNNING') running++;
    else if (task.state === 'FAILED') failed++;
  }
  return { running, failed, total: connector.tasks.length };
}

/**
 * The connectors whose name or class contains `search` (case-insensitive, plain text: no pattern) and,
 * when `state` is given, whose connector is in it or has a task in it (FAILED finds failed tasks too). Pure.
 */
export function filterConnectors<T extends ConnectorSummary>(connectors: T[], search: string, state: string): T[] {
  const part = search.trim().toLowerCase();
  return connectors.filter(
    (c) =>
      (!part || c.name.toLowerCase().includes(part) || c.class.toLowerCase().includes(part)) &&
      (!state || c.state === state || c.tasks.some((t) => t.state === state)),
  );
}

/** A string as one POSIX shell word: single-quoted, with each ' written as '\''. Pure. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function withoutTrailingSlash(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}

/**
 * curl's basic-auth option for a worker that wants it: the credentials as shell variables the user sets,
 * never the dashboard's own (the browser is not told them).
 */
const authOption = (basicAuth: boolean | undefined) => (basicAuth ? `-u "$CONNECT_USER:$CONNECT_PASSWORD" ` : '');

/** The `curl` command that creates the same connector on the worker directly. Pure. */
export function createCurlCommand(workerUrl: string, name: string, config: Record<string, string>, basicAuth?: boolean): string {
  const body = JSON.stringify({ name, config });
  const url = `${withoutTrailingSlash(workerUrl)}/connectors`;
  return `curl ${authOption(basicAuth)}-X POST -H 'Content-Type: application/json' --data ${shellQuote(body)} ${shellQuote(url)}`;
}

/** The `curl` command that replaces a connector's config on the worker directly (the name is a path segment). Pure. */
export function updateCurlCommand(workerUrl: string, name: string, config: Record<string, string>, basicAuth?: boolean): string {
  const url = `${withoutTrailingSlash(workerUrl)}/connectors/${encodeURIComponent(name)}/config`;
  return `curl ${authOption(basicAuth)}-X PUT -H 'Content-Type: application/json' --data ${shellQuote(JSON.stringify(config))} ${shellQuote(url)}`;
}

/**
 * Reads the raw JSON editor's text as a connector config: an object of strings (numbers and booleans
 * become text, as Connect keeps them), built without a prototype. A message instead when it is not one.
 */
export function parseConfigText(text: string): { config: Record<string, string> } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { problem: 'The config must be a JSON object of "key": "value" pairs' };
  const config = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(json)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      return { problem: `"${key}" must be a string, number or boolean` };
    config[key] = String(value);
  }
  return { config };
}

/** The validate answer's fields that have errors, by name (a Map: field names are user data). Pure. */
export function fieldErrors(fields: ConnectConfigField[]): Map<string, string[]> {
  return new Map(fields.filter((f) => f.errors.length).map((f) => [f.name, f.errors]));
}
