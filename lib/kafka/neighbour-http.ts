/** Shared by the clients of the dashboard's HTTP neighbours (schema registry, Kafka Connect). */

/** HTTP basic auth from `username` with `password` or the environment variable `passwordEnv`. */
export function basicAuthHeader(config: { username?: string; password?: string; passwordEnv?: string }): Record<string, string> {
  if (!config.username) return {};
  const password = config.password ?? (config.passwordEnv ? process.env[config.passwordEnv] : undefined) ?? '';
  return { Authorization: `Basic ${Buffer.from(`${config.username}:${password}`).toString('base64')}` };
}

/** A loop, not /\/+$/: that pattern backtracks polynomially on a long run of slashes. */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
