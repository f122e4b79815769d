import { describe, expect, it } from 'vitest';
import { scrollCue } from './scroll-cue';

describe('scrollCue', () => {
  it('is none when everything fits', () => {
    expect(scrollCue({ scrollLeft: 0, clientWidth: 390, scrollWidth: 390 })).toBe('none');
  });

  it('points right at the start of a wide table, left at its end, both in between', () => {
    expect(scrollCue({ scrollLeft: 0, clientWidth: 340, scrollWidth: 900 })).toBe('right');
    expect(scrollCue({ scrollLeft: 560, clientWidth: 340, scrollWidth: 900 })).toBe('left');
    expect(scrollCue({ scrollLeft: 200, clientWidth: 340, scrollWidth: 900 })).toBe('both');
  });

  it('ignores sub-pixel remainders of zoomed pages', () => {
    expect(scrollCue({ scrollLeft: 559.5, clientWidth: 340, scrollWidth: 900 })).toBe('left');
    expect(scrollCue({ scrollLeft: 0.4, clientWidth: 340, scrollWidth: 340.6 })).toBe('none');
  });
});
