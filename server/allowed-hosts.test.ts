import { describe, expect, it } from 'vitest';
import { AllowedHostsError, hostAllowList, splitHost } from './allowed-hosts.mjs';

describe('splitHost', () => {
  it('reads names, IPv4 and bracketed IPv6 with or without a port', () => {
    expect(splitHost('Example.com:3000')).toEqual({ name: 'example.com', port: '3000' });
    expect(splitHost('127.0.0.1')).toEqual({ name: '127.0.0.1', port: null });
    expect(splitHost('[::1]:3000')).toEqual({ name: '::1', port: '3000' });
  });

  it.each(['', '::1', '[::1', '[::1]x', 'a b', 'a:b', 'a:1:2', 'evil.example/x', 'x'.repeat(300)])('is null for %j', (value) => {
    expect(splitHost(value)).toBeNull();
  });
});

describe('the host allow-list', () => {
  it('allows IP addresses, localhost and HOST by default, and nothing else', () => {
    const allowed = hostAllowList({ HOST: 'dash.internal', PORT: '3000' });
    for (const host of ['127.0.0.1:3000', '[::1]:3000', '10.1.2.3', 'localhost:3000', 'LOCALHOST', 'dash.internal:3000'])
      expect(allowed(host), host).toBe(true);
    for (const host of [undefined, '', 'evil.example:3000', 'localhost.evil.example', 'evil-localhost', 'dash.internal.evil.example'])
      expect(allowed(host), String(host)).toBe(false);
  });

  it('adds ALLOWED_HOSTS: names, names with a port, and whole domains', () => {
    const allowed = hostAllowList({ ALLOWED_HOSTS: 'dash.example.com, kafka.example.org:8443, .corp.example' });
    expect(allowed('dash.example.com')).toBe(true);
    expect(allowed('dash.example.com:443')).toBe(true);
    expect(allowed('kafka.example.org:8443')).toBe(true);
    expect(allowed('kafka.example.org')).toBe(false);
    expect(allowed('kafka.example.org:8444')).toBe(false);
    expect(allowed('a.corp.example')).toBe(true);
    expect(allowed('a.b.corp.example:3000')).toBe(true);
    expect(allowed('evilcorp.example')).toBe(false);
  });

  it.each(['10.0.0.1', 'a b', 'x:y', '[::1]'])('refuses ALLOWED_HOSTS=%j with a message naming it', (entry) => {
    expect(() => hostAllowList({ ALLOWED_HOSTS: entry })).toThrow(AllowedHostsError);
  });
});
