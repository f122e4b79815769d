import { describe, expect, it } from 'vitest';
import type { Isolation } from '@/lib/tail-params';
import { PartitionTransactions } from './isolation';
import type { RawRecord } from './protocol-types';

const data = (offset: number, producer?: bigint): RawRecord => ({
  offset,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: null,
  headers: [],
  ...(producer === undefined ? {} : { transactionalProducerId: producer }),
});
const marker = (offset: number, producer: bigint, kind: 'commit' | 'abort'): RawRecord => ({ ...data(offset, producer), isControlRecord: true, marker: kind });

/** A log: 0 plain; 1–2 producer 7 (aborted, marker 4); 3 producer 8 (committed, marker 5); 6 plain; 7 producer 7 again (open). */
const log = [data(0), data(1, 7n), data(2, 7n), data(3, 8n), marker(4, 7n, 'abort'), marker(5, 8n, 'commit'), data(6), data(7, 7n)];
const aborted = [{ producerId: 7n, firstOffset: 1 }];

function read(isolation: Isolation, records: RawRecord[], lastStableOffset = 7) {
  const t = new PartitionTransactions(isolation);
  t.addAborted(aborted);
  return records
    .map((r) => [r.offset, t.judge(r, lastStableOffset)] as const)
    .filter(([, v]) => v.show)
    .map(([o, v]) => (v.show ? `${o}${v.aborted ? 'A' : ''}${v.pending ? 'P' : ''}` : ''));
}

describe('PartitionTransactions', () => {
  it('read_uncommitted shows every record, aborted ones and those of an open transaction marked; markers never', () => {
    expect(read('read_uncommitted', log)).toEqual(['0', '1A', '2A', '3', '6', '7P']);
  });

  it('read_committed drops aborted records, as a read_committed Java consumer does', () => {
    expect(read('read_committed', log)).toEqual(['0', '3', '6', '7P']);
  });

  it('a later fetch repeating an aborted transaction that began before it does not reopen it after its marker', () => {
    const t = new PartitionTransactions('read_committed');
    t.addAborted(aborted);
    const first = log.slice(0, 3).map((r) => t.judge(r, 7).show);
    t.addAborted(aborted); // the next fetch starts at 3: the transaction (1 … 4) overlaps it
    const second = log.slice(3).map((r) => t.judge(r, 8).show);
    expect([...first, ...second]).toEqual([true, false, false, true, false, false, true, true]);
  });

  it('one producer aborting, committing, aborting again: each transaction judged on its own', () => {
    const t = new PartitionTransactions('read_committed');
    t.addAborted([
      { producerId: 7n, firstOffset: 0 },
      { producerId: 7n, firstOffset: 4 },
    ]);
    const records = [data(0, 7n), marker(1, 7n, 'abort'), data(2, 7n), marker(3, 7n, 'commit'), data(4, 7n), marker(5, 7n, 'abort'), data(6, 7n)];
    expect(records.map((r) => t.judge(r, 9).show)).toEqual([false, false, true, false, false, false, true]);
  });
});
