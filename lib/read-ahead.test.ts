import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('readAhead', () => {
  it('yields everything in order and runs at most `limit` items ahead of a reader that waits', async () => {
    const produced: number[] = [];
    async function* source() {
      for (let i = 0; i < 10; i++) {
        produced.push(i);
        yield i;
      }
    }
    const ahead = readAhead(source(), 3);
    expect(await ahead.next()).toEqual({ value: 0, done: false });
    await tick();
    // 0 was taken; 1–3 wait in the queue and the source is asked for no more than that (plus the one it is on).
    expect(produced.length).toBeLessThanOrEqual(5);
    const rest: number[] = [];
    for await (const n of ahead) rest.push(n);
    expect(rest).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('passes the source’s error on after the items before it', async () => {
    async function* source() {
      yield 1;
      throw new Error('broker gone');
    }
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const n of readAhead(source(), 4)) got.push(n);
      })(),
    ).rejects.toThrow('broker gone');
    expect(got).toEqual([1]);
  });

  it('ends the source when the reader stops', async () => {
    let finished = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        finished = true;
      }
    }
    const ahead = readAhead(source(), 2);
    await ahead.next();
    await ahead.return(undefined);
    expect(finished).toBe(true);
  });
});
