/**
 * Where a tail is in each of its partitions: the next offset to read and, for a bounded read, the
 * offset it stops at (the log end when it opened, or the last stable offset under read_committed).
 * Pure bookkeeping, so the tail's loop (tail-follow.ts) only asks questions of it.
 */
export class TailPositions {
  private readonly next: Map<number, number>;
  private readonly end: Map<number, number>;

  constructor(
    readonly partitions: readonly number[],
    start: ReadonlyMap<number, number>,
    end: ReadonlyMap<number, number>,
    private readonly live: boolean,
  ) {
    this.next = new Map(start);
    this.end = new Map(end);
  }

  /** The next offset to read in `partition`. */
  of(partition: number): number {
    return this.next.get(partition)!;
  }

  /** The first offset a bounded read leaves out; Infinity when live. */
  stopOf(partition: number): number {
    return this.live ? Infinity : this.end.get(partition)!;
  }

  /** Records up to `next` (exclusive) were read. */
  advance(partition: number, next: number): void {
    this.next.set(partition, next);
  }

  /**
   * Retention deleted what was about to be read (OFFSET_OUT_OF_RANGE): go on from the new log
   * start, never backwards. Answers whether the position moved.
   */
  skipTo(partition: number, logStart: number): boolean {
    if (logStart <= this.of(partition)) return false;
    this.next.set(partition, logStart);
    return true;
  }

  /** A read_committed reader never gets past the last stable offset: a bounded read ends there. */
  endAtLastStable(partition: number, lastStableOffset: number): void {
    if (this.live) return;
    this.end.set(partition, Math.min(this.end.get(partition)!, Math.max(this.of(partition), lastStableOffset)));
  }

  /** Every partition read up to where it was when the tail opened. */
  caughtUp(): boolean {
    return this.partitions.every((p) => this.of(p) >= this.end.get(p)!);
  }

  /** A bounded read that has read everything; a live tail never finishes. */
  finished(): boolean {
    return !this.live && this.caughtUp();
  }

  /** The status fields: positions and, for a bounded read, where it stops (JSON-ready). */
  snapshot(): { positions: Record<string, number>; endOffsets: Record<string, number> | null } {
    return { positions: Object.fromEntries(this.next), endOffsets: this.live ? null : Object.fromEntries(this.end) };
  }
}
