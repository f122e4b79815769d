/**
 * Which edges of a sideways-scrolling box hide content, so the page can shade them: on a phone a
 * table cut at the screen edge looks complete unless something says there is more. Pure.
 */
export type ScrollCue = 'none' | 'left' | 'right' | 'both';

/** A pixel of slack: browsers report fractional scroll positions on zoomed pages. */
const SLACK = 1;

export function scrollCue({ scrollLeft, clientWidth, scrollWidth }: { scrollLeft: number; clientWidth: number; scrollWidth: number }): ScrollCue {
  const left = scrollLeft > SLACK;
  const right = scrollLeft + clientWidth < scrollWidth - SLACK;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : 'none';
}
