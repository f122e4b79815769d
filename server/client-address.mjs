// @ts-check
import { BlockList, isIP } from 'node:net';

/**
 * Who is asking, and at which address the browser thinks the dashboard is. The front server
 * (server/index.mjs) works these out from the socket and writes them into these headers, after
 * removing any a client sent, so route handlers and the proxy can trust them.
 */
export const CLIENT_ADDRESS_HEADER = 'x-dashboard-client-address';
export const PUBLIC_ORIGIN_HEADER = 'x-dashboard-origin';

/**
 * `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is 10.0.0.1.
 * @param {string | undefined} address
 */
export function normalizeAddress(address) {
  const text = String(address ?? '')
    .trim()
    .toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  return mapped ? mapped[1] : text;
}

export class TrustedProxiesError extends Error {}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in front of the
 * dashboard. Only requests from these may say who the client is (X-Forwarded-For) and which
 * address and scheme the browser used (X-Forwarded-Host, X-Forwarded-Proto).
 * @param {string | undefined} value
 * @returns {(address: string) => boolean}
 */
export function parseTrustedProxies(value) {
  const list = new BlockList();
  let any = false;
  for (const entry of (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(normalizeAddress(address));
    const prefix = bits === undefined ? null : Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== null && !(bits !== '' && Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new TrustedProxiesError(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === null) list.addAddress(normalizeAddress(address), type);
    else list.addSubnet(normalizeAddress(address), prefix, type);
    any = true;
  }
  if (!any) return () => false;
  return (address) => {
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    return family !== 0 && list.check(normalized, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** @param {string | string[] | undefined} header */
const firstValue = (header) => (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined;

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then X-Forwarded-For
 * is walked from the right (the hop the proxy itself added) past every trusted proxy, and the
 * first address that is not one is the client.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {(address: string) => boolean} isTrusted
 */
export function clientAddress(socketAddress, forwardedFor, isTrusted) {
  let client = normalizeAddress(socketAddress) || 'unknown';
  if (!isTrusted(client) || !forwardedFor) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => normalizeAddress(h))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    // Whatever a proxy passes on is kept short: the rate limit keys its memory on it.
    client = hops[i].slice(0, 64);
    if (!isIP(client) || !isTrusted(client)) return client;
  }
  return client;
}

/**
 * The origin the browser used (scheme://host[:port]): the Host header and the socket's scheme, or
 * what a trusted proxy says in X-Forwarded-Host and X-Forwarded-Proto.
 * @param {{ host?: string, encrypted: boolean, forwardedHost?: string | string[], forwardedProto?: string | string[], fromTrustedProxy: boolean }} request
 */
export function publicOrigin({ host, encrypted, forwardedHost, forwardedProto, fromTrustedProxy }) {
  const proto = (fromTrustedProxy && firstValue(forwardedProto)?.toLowerCase()) || (encrypted ? 'https' : 'http');
  const name = (fromTrustedProxy && firstValue(forwardedHost)) || host || '';
  return { scheme: proto === 'https' ? 'https' : 'http', host: name.toLowerCase() };
}
