import { describe, expect, it } from 'vitest';
import { TrustedProxiesError, clientAddress, parseTrustedProxies, publicOrigin } from './client-address.mjs';

describe('TRUSTED_PROXIES', () => {
  it('trusts nobody when unset', () => {
    expect(parseTrustedProxies(undefined)('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies(' ')('127.0.0.1')).toBe(false);
  });

  it('takes addresses and CIDR ranges, IPv4 and IPv6, and IPv4 seen through a dual-stack socket', () => {
    const trusted = parseTrustedProxies('10.0.0.5, 192.168.1.0/24, fd00::/8');
    expect(trusted('10.0.0.5')).toBe(true);
    expect(trusted('::ffff:10.0.0.5')).toBe(true);
    expect(trusted('10.0.0.6')).toBe(false);
    expect(trusted('192.168.1.200')).toBe(true);
    expect(trusted('192.168.2.1')).toBe(false);
    expect(trusted('fd12::1')).toBe(true);
    expect(trusted('fe80::1')).toBe(false);
    expect(trusted('not-an-address')).toBe(false);
  });

  it.each(['proxy.example', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x'])('refuses %j with a message naming it', (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(TrustedProxiesError);
    expect(() => parseTrustedProxies(entry)).toThrow(entry);
  });
});

describe('clientAddress', () => {
  const trusted = parseTrustedProxies('10.0.0.5,10.0.0.6');

  it('is the socket address when the socket is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, trusted)).toBe('203.0.113.9');
    expect(clientAddress(undefined, '1.2.3.4', trusted)).toBe('unknown');
  });

  it('walks X-Forwarded-For from the right past trusted proxies', () => {
    // The client forged the first entry; the proxies appended what they saw.
    expect(clientAddress('10.0.0.5', '6.6.6.6, 203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.6', trusted)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', ['6.6.6.6', '203.0.113.9'], trusted)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', 'garbage', trusted)).toBe('garbage');
    expect(clientAddress('10.0.0.5', 'x'.repeat(16_000), trusted)).toBe('x'.repeat(64));
    expect(clientAddress('10.0.0.5', undefined, trusted)).toBe('10.0.0.5');
  });
});

describe('publicOrigin', () => {
  it('believes X-Forwarded-Host and -Proto only from a trusted proxy', () => {
    const request = { host: 'Internal:3000', encrypted: false, forwardedHost: 'dash.example.com', forwardedProto: 'https, http' };
    expect(publicOrigin({ ...request, fromTrustedProxy: false })).toEqual({ scheme: 'http', host: 'internal:3000' });
    expect(publicOrigin({ ...request, fromTrustedProxy: true })).toEqual({ scheme: 'https', host: 'dash.example.com' });
    expect(publicOrigin({ host: 'a:1', encrypted: true, fromTrustedProxy: false })).toEqual({ scheme: 'https', host: 'a:1' });
  });
});
