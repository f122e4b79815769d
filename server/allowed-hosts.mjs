// @ts-check
import { isIP } from 'node:net';

export class AllowedHostsError extends Error {}

/**
 * Splits a Host header value into name and port: `example.com:3000`, `[::1]:3000`, `127.0.0.1`.
 * Null when it is not a host at all.
 * @param {string} value
 * @returns {{ name: string, port: string | null } | null}
 */
export function splitHost(value) {
  const text = value.trim().toLowerCase();
  if (!text || text.length > 255) return null;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return null;
    const rest = text.slice(close + 1);
    if (rest && !/^:\d{1,5}$/.test(rest)) return null;
    return { name: text.slice(1, close), port: rest ? rest.slice(1) : null };
  }
  const colon = text.lastIndexOf(':');
  if (colon >= 0 && text.indexOf(':') !== colon) return null; // an IPv6 address must be bracketed
  const name = colon >= 0 ? text.slice(0, colon) : text;
  const port = colon >= 0 ? text.slice(colon + 1) : null;
  if (port !== null && !/^\d{1,5}$/.test(port)) return null;
  if (!/^[a-z0-9._-]+$/.test(name)) return null;
  return { name, port };
}

/**
 * The names the dashboard answers to. A page on another name that resolves to this server (DNS
 * rebinding) is refused, for reads and writes alike. Always allowed: IP addresses (a rebinding page
 * always uses its own name), `localhost`, and HOST; plus ALLOWED_HOSTS, comma-separated names, each
 * with an optional port (`dash.example.com`, `dash.example.com:8443`) or a leading dot for every
 * subdomain (`.example.com`).
 * @param {Record<string, string | undefined>} env
 * @returns {(hostHeader: string | undefined) => boolean}
 */
export function hostAllowList(env) {
  /** @type {{ name: string, port: string | null, subdomains: boolean }[]} */
  const allowed = [{ name: 'localhost', port: null, subdomains: false }];
  const configured = (env.HOST ?? '').trim().toLowerCase();
  if (configured && !isIP(configured)) allowed.push({ name: configured, port: null, subdomains: false });
  for (const entry of (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const subdomains = entry.startsWith('.');
    const host = splitHost(subdomains ? entry.slice(1) : entry);
    if (!host || isIP(host.name))
      throw new AllowedHostsError(`ALLOWED_HOSTS: "${entry}" is not a host name (e.g. dash.example.com, dash.example.com:8443 or .example.com)`);
    allowed.push({ ...host, subdomains });
  }
  return (hostHeader) => {
    const host = hostHeader === undefined ? null : splitHost(hostHeader);
    if (!host) return false;
    if (isIP(host.name)) return true;
    return allowed.some(
      (a) => (host.name === a.name || (a.subdomains && host.name.endsWith(`.${a.name}`))) && (a.port === null || a.port === (host.port ?? '')),
    );
  };
}
