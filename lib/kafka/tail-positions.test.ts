import { describe, expect, it } from 'vitest';
import { TailPositions } from './tail-positions';

const bounded = () =>
  new TailPositions(
    [0, 1],
    new Map([
      [0, 5],
      [1, 10],
    ]),
    new Map([
      [0, 8],
      [1, 10],
    ]),
    false,
  );

describe('TailPositions', () => {
  it('a bounded read stops each partition at the end seen at opening', () => {
    const positions = bounded();
    const wants = (p: number) => positions.of(p) < positions.stopOf(p);
    expect([wants(0), wants(1)]).toEqual([true, false]);
    expect(positions.finished()).toBe(false);
    positions.advance(0, 8);
    expect([wants(0), positions.caughtUp(), positions.finished()]).toEqual([false, true, true]);
    expect(positions.snapshot()).toEqual({ positions: { 0: 8, 1: 10 }, endOffsets: { 0: 8, 1: 10 } });
  });

  it('a live tail never stops, never finishes, and reports no end', () => {
    const positions = new TailPositions([0], new Map([[0, 3]]), new Map([[0, 3]]), true);
    expect([positions.caughtUp(), positions.finished(), positions.stopOf(0)]).toEqual([true, false, Infinity]);
    expect(positions.snapshot().endOffsets).toBeNull();
  });

  it('skips ahead to a new log start after retention, never backwards', () => {
    const positions = bounded();
    expect(positions.skipTo(0, 3)).toBe(false);
    expect(positions.of(0)).toBe(5);
    expect(positions.skipTo(0, 7)).toBe(true);
    expect(positions.of(0)).toBe(7);
  });

  it('under read_committed a bounded read ends at the last stable offset, not below where it is', () => {
    const positions = bounded();
    positions.endAtLastStable(0, 6);
    expect(positions.stopOf(0)).toBe(6);
    positions.advance(0, 6);
    expect(positions.finished()).toBe(true);
    const other = bounded();
    other.endAtLastStable(0, 2);
    expect(other.stopOf(0)).toBe(5);
  });
});
