import { describe, expect, it } from 'vitest';
import { routeParam } from './route-param';

describe('routeParam', () => {
  it.each([
    ['orders', 'orders'],
    ['evil%3Cb%3E%2541', 'evil<b>%41'], // encoded once, as our links make them
    ['evil<b>%41', 'evil<b>%41'], // already decoded: left alone
    ['a%41', 'a%41'], // a literal %41 is not re-decoded
    ['100%', '100%'], // malformed escape: left alone
    ['group%20one', 'group one'],
  ])('%s → %s', (input, expected) => expect(routeParam(input)).toBe(expected));
});
