import { describe, expect, it } from 'vitest';
import type { Sample } from './lag-history-store';
import { decodeHistoryRecord, encodeHistoryRecord, type HistoryRecord } from './lag-record';

const buf = (s: string | null) => (s === null ? null : Buffer.from(s, 'utf8'));
const roundTrip = (record: HistoryRecord) => {
  const { key, value } = encodeHistoryRecord(record);
  return decodeHistoryRecord(buf(key), buf(value));
};

const sample: Sample = {
  t: 1_700_000_000_000,
  totalLag: 45,
  members: true,
  partitions: new Map([
    ['orders:0', { committed: 10, logEnd: 52 }],
    ['orders:1', { committed: 7, logEnd: 7, reset: true }],
    ['payments.v2:3', { committed: null, logEnd: 3 }],
  ]),
};

describe('lag history records', () => {
  it('writes one compact JSON value per group sample, partitions grouped by topic', () => {
    expect(encodeHistoryRecord({ kind: 'sample', groupId: 'billing', sample })).toEqual({
      key: 'billing',
      value: '{"t":1700000000000,"l":45,"m":1,"p":[["orders",[[0,10,52],[1,7,7,1]]],["payments.v2",[[3,null,3]]]]}',
    });
  });

  it('reads back what it wrote: detail, resets, a gap in the total, totals only', () => {
    expect(roundTrip({ kind: 'sample', groupId: 'billing', sample })).toEqual({ kind: 'sample', groupId: 'billing', sample });
    const totalsOnly: Sample = { t: 5, totalLag: null, members: false };
    expect(roundTrip({ kind: 'sample', groupId: 'g', sample: totalsOnly })).toEqual({ kind: 'sample', groupId: 'g', sample: totalsOnly });
    expect(encodeHistoryRecord({ kind: 'sample', groupId: 'g', sample: totalsOnly }).value).toBe('{"t":5,"l":null,"m":0}');
  });

  it('carries resets made through the dashboard and deletions (a null value)', () => {
    const reset: HistoryRecord = { kind: 'reset', groupId: 'g', keys: ['a:0', 'a:2', 'b:1'], t: 9 };
    expect(encodeHistoryRecord(reset).value).toBe('{"r":[["a",[0,2]],["b",[1]]],"t":9}');
    expect(roundTrip(reset)).toEqual(reset);
    expect(encodeHistoryRecord({ kind: 'forget', groupId: 'g' })).toEqual({ key: 'g', value: null });
    expect(roundTrip({ kind: 'forget', groupId: 'g' })).toEqual({ kind: 'forget', groupId: 'g' });
  });

  it('keeps names that are Object members as plain names', () => {
    const odd: Sample = {
      t: 1,
      totalLag: 1,
      members: false,
      partitions: new Map([
        ['__proto__:0', { committed: 1, logEnd: 2 }],
        ['constructor:1', { committed: 0, logEnd: 0 }],
      ]),
    };
    expect(roundTrip({ kind: 'sample', groupId: '__proto__', sample: odd })).toEqual({ kind: 'sample', groupId: '__proto__', sample: odd });
  });

  it('keeps topic names with dots, dashes, underscores and a colon whole (the last ":" splits the partition)', () => {
    const odd: Sample = {
      t: 2,
      totalLag: 3,
      members: true,
      partitions: new Map([
        ['a.b-c_d:0', { committed: 1, logEnd: 2 }],
        ['x:y:12', { committed: 0, logEnd: 1 }],
        ['__consumer_offsets:49', { committed: 5, logEnd: 5 }],
      ]),
    };
    expect(encodeHistoryRecord({ kind: 'sample', groupId: 'g', sample: odd }).value).toBe(
      '{"t":2,"l":3,"m":1,"p":[["a.b-c_d",[[0,1,2]]],["x:y",[[12,0,1]]],["__consumer_offsets",[[49,5,5]]]]}',
    );
    expect(roundTrip({ kind: 'sample', groupId: 'g', sample: odd })).toEqual({ kind: 'sample', groupId: 'g', sample: odd });
    const reset: HistoryRecord = { kind: 'reset', groupId: 'g', keys: ['x:y:0', 'x:y:3'], t: 4 };
    expect(encodeHistoryRecord(reset).value).toBe('{"r":[["x:y",[0,3]]],"t":4}');
    expect(roundTrip(reset)).toEqual(reset);
  });

  it('skips records it cannot read instead of failing the history', () => {
    const bad = [
      'not json',
      '[1,2]',
      '{"l":1,"m":1}',
      '{"t":"x","l":1,"m":1}',
      '{"t":1,"l":1.5,"m":1}',
      '{"t":1,"l":1,"m":2}',
      '{"t":1,"l":1,"m":1,"p":[["a",[[-1,0,0]]]]}',
      '{"t":1,"l":1,"m":1,"p":[["a",[[0,"1",0]]]]}',
      '{"t":1,"l":1,"m":1,"p":{"a":[]}}',
      '{"t":1,"r":[["a",["0"]]]}',
    ];
    for (const value of bad) expect(decodeHistoryRecord(buf('g'), buf(value)), value).toBeNull();
    expect(decodeHistoryRecord(null, buf('{"t":1,"l":1,"m":1}'))).toBeNull();
    expect(decodeHistoryRecord(Buffer.alloc(0), buf('{"t":1,"l":1,"m":1}'))).toBeNull();
  });
});
