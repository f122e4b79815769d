// @ts-check
import { randomBytes } from 'node:crypto';
import { hostAllowList } from './allowed-hosts.mjs';
import { CLIENT_ADDRESS_HEADER, PUBLIC_ORIGIN_HEADER, clientAddress, parseTrustedProxies, publicOrigin } from './client-address.mjs';

/** Methods the dashboard answers; anything else (TRACE, CONNECT, made-up ones) is refused up front. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * @typedef {{ status: number, code: string, message: string, headers?: Record<string, string> }} Refusal
 * @typedef {{
 *   method?: string,
 *   url?: string,
 *   headers: import('node:http').IncomingHttpHeaders,
 *   socket: { remoteAddress?: string, encrypted?: boolean },
 * }} GateRequest
 */

/**
 * True when every %-escape in the path is well formed and they decode to valid UTF-8.
 * @param {string} path
 */
export function isWellEncodedPath(path) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The checks every request passes before Next sees it, built once from the environment (throws on
 * a bad TRUSTED_PROXIES or ALLOWED_HOSTS). `check` answers a refusal or null; `stamp` writes the
 * trusted client address and public origin into the request headers.
 * @param {Record<string, string | undefined>} env
 */
export function createGate(env) {
  const isTrusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  const hostAllowed = hostAllowList(env);

  /** @param {GateRequest} req */
  const origin = (req) => {
    const fromTrustedProxy = isTrusted(req.socket.remoteAddress ?? '');
    return publicOrigin({
      host: req.headers.host,
      encrypted: Boolean(req.socket.encrypted),
      forwardedHost: req.headers['x-forwarded-host'],
      forwardedProto: req.headers['x-forwarded-proto'],
      fromTrustedProxy,
    });
  };

  return {
    /** @param {GateRequest} req @returns {Refusal | null} */
    check(req) {
      const method = req.method ?? '';
      if (!METHODS.includes(method)) {
        return { status: 405, code: 'METHOD_NOT_ALLOWED', message: `${method || 'This method'} is not supported`, headers: { Allow: METHODS.join(', ') } };
      }
      const url = req.url ?? '';
      if (!url.startsWith('/')) return { status: 400, code: 'MALFORMED_PATH', message: 'The request target must be a path' };
      const query = url.indexOf('?');
      const path = query < 0 ? url : url.slice(0, query);
      if (!isWellEncodedPath(path)) {
        return { status: 400, code: 'MALFORMED_PATH', message: 'The path has a malformed percent-encoding (each % must start an escape of valid UTF-8)' };
      }
      // Browsers resolve these before sending; Next would answer a bare 400. (A name like ".." is sent as %2E%2E.)
      if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
        return { status: 400, code: 'MALFORMED_PATH', message: 'The path has a "." or ".." segment' };
      }
      const { host } = origin(req);
      if (!hostAllowed(host)) {
        return {
          status: 403,
          code: 'HOST_NOT_ALLOWED',
          message: `This dashboard does not answer to the name "${host.slice(0, 100)}"; add it to ALLOWED_HOSTS if it is really yours`,
        };
      }
      return null;
    },

    /** @param {GateRequest} req */
    stamp(req) {
      const { scheme, host } = origin(req);
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], isTrusted);
      req.headers[PUBLIC_ORIGIN_HEADER] = `${scheme}://${host}`;
    },
  };
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a refused request: JSON for the API (and anything that asks for JSON), a small
 * styled page otherwise, with the usual security headers either way.
 * @param {Refusal} refusal
 * @param {{ path: string, accept?: string, method?: string }} request
 */
export function refusalResponse(refusal, { path, accept, method }) {
  /** @type {Record<string, string>} */
  const headers = { ...SECURITY_HEADERS, ...refusal.headers };
  const json = path.startsWith('/api/') || /application\/json/i.test(accept ?? '') || !/text\/html/i.test(accept ?? '');
  const body = json ? JSON.stringify({ error: { code: refusal.code, message: refusal.message } }) : errorPage(refusal, headers);
  headers['Content-Type'] = json ? 'application/json' : 'text/html; charset=utf-8';
  if (json) headers['Content-Security-Policy'] = "default-src 'none'; frame-ancestors 'none'";
  headers['Content-Length'] = String(Buffer.byteLength(body));
  return { status: refusal.status, headers, body: method === 'HEAD' ? '' : body };
}

/** @param {Refusal} refusal @param {Record<string, string>} headers */
function errorPage(refusal, headers) {
  const nonce = randomBytes(16).toString('base64');
  headers['Content-Security-Policy'] = `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${refusal.status} · Kafka Dashboard</title>
<style nonce="${nonce}">
body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#f8fafc;color:#0f172a}
main{max-width:36rem;margin:6rem auto;padding:0 1.5rem;text-align:center}
h1{font-size:1.5rem;font-weight:600;margin:0 0 .5rem}p{color:#475569;margin:.5rem 0}
code{font-size:.8rem;color:#64748b}a{color:#4338ca}
</style></head>
<body><main><h1>${refusal.status === 405 ? 'Method not allowed' : refusal.status === 403 ? 'Not allowed here' : 'Bad request'}</h1>
<p>${escapeHtml(refusal.message)}</p><p><code>${escapeHtml(refusal.code)}</code></p><p><a href="/">Back to the dashboard</a></p></main></body></html>`;
}
