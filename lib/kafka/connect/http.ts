import 'server-only';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { ConnectConfig } from '@/lib/config';
import { ApiError } from '../errors';

/** What a worker answered: its status and body as text. */
export interface WorkerAnswer {
  status: number;
  text: string;
}

/** The TLS options of a Connect cluster's `ssl` setting, read once per config (as the Kafka clients read theirs). */
const tlsCache = new WeakMap<ConnectConfig, https.RequestOptions>();

/** A file named in a Connect cluster's settings; an unreadable one is a 503 naming the setting, never its content. */
function readSetting(config: ConnectConfig, setting: string, file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ApiError('CLUSTER_CONFIG_INVALID', `Kafka Connect "${config.name}": cannot read ${setting} ${file} (${reason})`);
  }
}

function tlsOptions(config: ConnectConfig): https.RequestOptions {
  const cached = tlsCache.get(config);
  if (cached) return cached;
  const { ssl } = config;
  const options: https.RequestOptions = ssl
    ? {
        ca: readSetting(config, 'ssl.caFile', ssl.caFile),
        cert: readSetting(config, 'ssl.certFile', ssl.certFile),
        key: readSetting(config, 'ssl.keyFile', ssl.keyFile),
        rejectUnauthorized: ssl.rejectUnauthorized ?? true,
      }
    : {};
  tlsCache.set(config, options);
  return options;
}

/**
 * One HTTP(S) exchange with a worker, through node:http(s) rather than fetch: fetch cannot be given a CA,
 * a client certificate or rejectUnauthorized without undici's Agent, which Node does not expose.
 * Rejects with the system error (ECONNREFUSED, a certificate code, ABORT_ERR after `timeoutMs`).
 */
export function exchange(
  config: ConnectConfig,
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<WorkerAnswer> {
  const secure = url.protocol === 'https:';
  const options: https.RequestOptions = {
    method: init.method,
    headers: init.body === undefined ? init.headers : { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) },
    signal: AbortSignal.timeout(init.timeoutMs),
    ...(secure ? tlsOptions(config) : {}),
  };
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
      // A connection cut mid-answer (the timeout's abort included) ends without 'end': not an answer.
      response.on('close', () => {
        if (!response.complete) reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
      });
    });
    request.on('error', reject);
    request.end(init.body);
  });
}
