import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, PUBLIC_ORIGIN_HEADER } from './client-address.mjs';
import { createGate, refusalResponse } from './gate.mjs';

const request = (init: { method?: string; url?: string; headers?: Record<string, string>; remoteAddress?: string }) => ({
  method: init.method ?? 'GET',
  url: init.url ?? '/api/clusters',
  headers: { host: '127.0.0.1:3000', ...init.headers } as Record<string, string | string[] | undefined>,
  socket: { remoteAddress: init.remoteAddress ?? '127.0.0.1', encrypted: false },
});

describe('the gate in front of Next', () => {
  const gate = createGate({ TRUSTED_PROXIES: '10.0.0.5' });

  it('lets ordinary requests through', () => {
    expect(gate.check(request({}))).toBeNull();
    expect(gate.check(request({ method: 'DELETE', url: '/api/clusters/local/topics/a%20b?x=%ff' }))).toBeNull();
    expect(gate.check(request({ url: '/api/clusters/local/groups/%2E%2E' }))).toBeNull();
    expect(gate.check(request({ url: '/api/clusters/local/topics/a..b/x?y=..' }))).toBeNull();
  });

  it.each(['TRACE', 'CONNECT', 'TRACK', 'FOO', ''])('refuses the method %j with 405 and Allow', (method) => {
    const refusal = gate.check(request({ method }));
    expect(refusal).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    expect(refusal?.headers?.Allow).toContain('GET');
  });

  it.each([
    '/api/clusters/%ff',
    '/api/%',
    '/clusters/%E2%82',
    '/clusters/%C0%AF',
    '/api/clusters/local/topics/%zz',
    'http://evil.example/',
    '*',
    '/api/..',
    '/api/clusters/./local',
    '/clusters/local/groups/../x',
  ])('refuses the target %j with 400', (url) => {
    expect(gate.check(request({ url }))).toMatchObject({ status: 400, code: 'MALFORMED_PATH' });
  });

  it('refuses a Host that is not the dashboard (DNS rebinding), also from a trusted proxy', () => {
    expect(gate.check(request({ headers: { host: 'rebind.evil.example:3000' } }))).toMatchObject({ status: 403, code: 'HOST_NOT_ALLOWED' });
    expect(gate.check(request({ headers: { host: '' } }))).toMatchObject({ status: 403 });
    const proxied = request({ remoteAddress: '10.0.0.5', headers: { host: '10.0.0.9:3000', 'x-forwarded-host': 'rebind.evil.example' } });
    expect(gate.check(proxied)).toMatchObject({ status: 403, code: 'HOST_NOT_ALLOWED' });
    // From anyone else X-Forwarded-Host is ignored.
    expect(gate.check(request({ headers: { 'x-forwarded-host': 'rebind.evil.example' } }))).toBeNull();
  });

  it('stamps the client address and public origin, replacing whatever the client sent', () => {
    const direct = request({ headers: { 'x-forwarded-for': '6.6.6.6', [CLIENT_ADDRESS_HEADER]: '6.6.6.6', [PUBLIC_ORIGIN_HEADER]: 'http://evil' } });
    gate.stamp(direct);
    expect(direct.headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    expect(direct.headers[PUBLIC_ORIGIN_HEADER]).toBe('http://127.0.0.1:3000');
    const proxied = request({
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'localhost' },
    });
    gate.stamp(proxied);
    expect(proxied.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.9');
    expect(proxied.headers[PUBLIC_ORIGIN_HEADER]).toBe('https://localhost');
  });
});

describe('refusal answers', () => {
  const refusal = { status: 403, code: 'HOST_NOT_ALLOWED', message: 'not "<script>alert(1)</script>"' };

  it('are JSON for the API and for clients that do not ask for HTML', () => {
    const answer = refusalResponse(refusal, { path: '/api/clusters', accept: 'text/html' });
    expect(answer.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'HOST_NOT_ALLOWED', message: refusal.message } });
    expect(answer.headers['Cache-Control']).toBe('no-store');
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(refusalResponse(refusal, { path: '/clusters' }).headers['Content-Type']).toBe('application/json');
  });

  it('are a styled page for browsers, with the message as text and a nonce for its only style', () => {
    const answer = refusalResponse(refusal, { path: '/clusters/x', accept: 'text/html,application/xhtml+xml' });
    expect(answer.headers['Content-Type']).toMatch(/^text\/html/);
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).toContain('&#60;script&#62;');
    const nonce = /style-src 'nonce-([^']+)'/.exec(answer.headers['Content-Security-Policy'])?.[1];
    expect(answer.body).toContain(`<style nonce="${nonce}">`);
    expect(answer.headers['X-Frame-Options']).toBe('DENY');
    expect(refusalResponse(refusal, { path: '/x', accept: 'text/html', method: 'HEAD' }).body).toBe('');
  });
});
