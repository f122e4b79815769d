import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-redirect';

const origin = 'http://127.0.0.1:3000';

describe('safeNextPath', () => {
  it('keeps paths on this origin, with their query and hash', () => {
    expect(safeNextPath('/clusters/local/topics?q=a#x', origin)).toBe('/clusters/local/topics?q=a#x');
    expect(safeNextPath('/clusters/local/topics/%3Cb%3E', origin)).toBe('/clusters/local/topics/%3Cb%3E');
    expect(safeNextPath(null, origin)).toBe('/');
    expect(safeNextPath('', origin)).toBe('/');
  });

  it.each([
    '/\\evil.example/',
    '/\\\\evil.example/',
    '\\\\evil.example',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '//evil.example/',
    '///evil.example/',
    'https://evil.example/',
    'http://127.0.0.1:3001/',
    'https://127.0.0.1:3000/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    ' //evil.example',
  ])('sends %j to the start page', (next) => {
    expect(safeNextPath(next, origin)).toBe('/');
  });
});
