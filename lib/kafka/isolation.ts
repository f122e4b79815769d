/**
 * Transactions as a reader sees them, one partition at a time over successive fetches. The broker
 * says which transactions were aborted (producer id and first offset, on read_committed fetches
 * only) and up to where every transaction is decided (the last stable offset); the markers in the
 * log close transactions. This is the Java consumer's algorithm (Fetcher's aborted-transaction
 * queue), except that read_uncommitted keeps aborted records and marks them, as an operator wants
 * to see them. Pure: no I/O.
 */
import type { Isolation } from '@/lib/tail-params';
import type { RawRecord } from './protocol-types';

/** What a record is to a reader: dropped (markers, aborted under read_committed) or shown with flags. */
export type Verdict = { show: false } | { show: true; aborted: boolean; pending: boolean };

export class PartitionTransactions {
  /** Aborted transactions not reached yet, by first offset. */
  private upcoming: { producerId: bigint; firstOffset: number }[] = [];
  /**
   * Every aborted transaction heard of and not closed yet: a later fetch repeats a transaction that
   * began before its start offset, which must not open it again. Forgotten at its marker.
   */
  private known = new Map<string, { producerId: bigint; firstOffset: number }>();
  /** Producers whose transaction being read is an aborted one, until its marker. */
  private abortedNow = new Set<bigint>();

  constructor(private readonly isolation: Isolation) {}

  /** Adds the broker's list from one fetch; lists of overlapping fetches repeat entries. */
  addAborted(list: readonly { producerId: bigint; firstOffset: number }[]) {
    for (const t of list) {
      const id = `${t.producerId}:${t.firstOffset}`;
      if (this.known.has(id)) continue;
      this.known.set(id, t);
      this.upcoming.push(t);
    }
    this.upcoming.sort((a, b) => a.firstOffset - b.firstOffset);
  }

  /** Decides one record, in offset order; `lastStableOffset` from the same fetch. */
  judge(record: RawRecord, lastStableOffset: number | undefined): Verdict {
    if (record.isControlRecord) {
      const producer = record.transactionalProducerId;
      if (record.marker && producer !== undefined) {
        this.abortedNow.delete(producer);
        for (const [id, t] of this.known) if (t.producerId === producer && t.firstOffset <= record.offset) this.known.delete(id);
      }
      return { show: false };
    }
    const producer = record.transactionalProducerId;
    if (producer === undefined) return { show: true, aborted: false, pending: false };
    while (this.upcoming.length && this.upcoming[0].firstOffset <= record.offset) this.abortedNow.add(this.upcoming.shift()!.producerId);
    const aborted = this.abortedNow.has(producer);
    if (aborted && this.isolation === 'read_committed') return { show: false };
    const pending = lastStableOffset !== undefined && record.offset >= lastStableOffset;
    return { show: true, aborted, pending };
  }
}
