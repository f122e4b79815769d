import { describe, expect, it } from 'vitest';
import { UrlEcho } from './url-echo';

describe('UrlEcho', () => {
  it('ignores the echoes of its own writes, even late and out of order', () => {
    const echo = new UrlEcho('');
    expect(echo.write('ab')).toBe(true);
    expect(echo.write('abc')).toBe(true);
    // The router reports the older write after the newer one was made: the box keeps "abc".
    expect(echo.reported('ab')).toBeNull();
    expect(echo.reported('abc')).toBeNull();
    expect(echo.current).toBe('abc');
  });

  it('skips a write of what is already in the URL', () => {
    const echo = new UrlEcho('orders');
    expect(echo.write('orders')).toBe(false);
    expect(echo.write('order')).toBe(true);
    expect(echo.write('order')).toBe(false);
  });

  it('adopts a value it did not write: back/forward, a link', () => {
    const echo = new UrlEcho('');
    echo.write('abc');
    expect(echo.reported('abc')).toBeNull();
    expect(echo.reported('')).toBe('');
    expect(echo.current).toBe('');
    expect(echo.reported('shared')).toBe('shared');
  });

  it('adopts navigation that arrives while a write is pending, and forgets the pending one', () => {
    const echo = new UrlEcho('');
    echo.write('abc');
    expect(echo.reported('other')).toBe('other');
    // A late echo of the abandoned write is now foreign too.
    expect(echo.reported('abc')).toBe('abc');
  });
});
