import { describe, expect, it } from 'vitest';
import { lagChart } from './lag-chart';

const history = [
  { t: 1, totalLag: 5, partitions: { 'a:0': 2, 'a:1': 3, 'b:0': null } },
  { t: 2, totalLag: 9, partitions: { 'a:0': 4, 'a:1': 3, 'b:0': 2 } },
];

describe('lagChart', () => {
  it('charts the total', () => {
    expect(lagChart(history, 'total')).toEqual({ series: ['total'], rows: [{ t: 1, total: 5 }, { t: 2, total: 9 }] });
  });

  it('sums partitions per topic, leaving topics without commits as gaps', () => {
    expect(lagChart(history, 'topic')).toEqual({ series: ['a', 'b'], rows: [{ t: 1, a: 5, b: null }, { t: 2, a: 7, b: 2 }] });
  });

  it('charts each partition', () => {
    expect(lagChart(history, 'partition').series).toEqual(['a-0', 'a-1', 'b-0']);
  });
});
