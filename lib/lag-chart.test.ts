import { describe, expect, it } from 'vitest';
import type { LagSample } from '@/lib/types/groups';
import { lagChart } from './lag-chart';

const history = [
  { t: 1, totalLag: 5, partitions: { 'a:0': 2, 'a:1': 3, 'b:0': null } },
  { t: 2, totalLag: 9, partitions: { 'a:0': 4, 'a:1': 3, 'b:0': 2 } },
];

describe('lagChart', () => {
  it('charts the total of the partitions present in every sample, and says which it left out', () => {
    expect(lagChart(history, 'total')).toEqual({
      series: ['total'],
      rows: [
        { t: 1, values: [5] },
        { t: 2, values: [7] },
      ],
      coverage: { counted: 2, seen: 3 },
    });
  });

  it('never invents a dip: a partition missing from one sample (coordinator away) is left out of the total', () => {
    const missing: LagSample[] = [
      { t: 1, totalLag: 300, partitions: { 'a:0': 100, 'a:1': 200 } },
      { t: 2, totalLag: 110, partitions: { 'a:0': 110 } },
      { t: 3, totalLag: 330, partitions: { 'a:0': 120, 'a:1': 210 } },
    ];
    const chart = lagChart(missing, 'total');
    expect(chart.rows.map((r) => r.values[0])).toEqual([100, 110, 120]);
    expect(chart.coverage).toEqual({ counted: 1, seen: 2 });
    expect(lagChart(missing, 'partition').rows.map((r) => r.values)).toEqual([
      [100, 200],
      [110, null],
      [120, 210],
    ]);
    expect(lagChart(missing, 'topic').rows.map((r) => r.values)).toEqual([[300], [null], [330]]);
  });

  it('starts at the first sample with a commit: samples from before it do not empty the total', () => {
    const forming: LagSample[] = [
      { t: 1, totalLag: null, partitions: {} },
      { t: 2, totalLag: null, partitions: { 'a:0': null } },
      { t: 3, totalLag: 40, partitions: { 'a:0': 40 } },
      { t: 4, totalLag: 30, partitions: { 'a:0': 30 } },
    ];
    expect(lagChart(forming, 'total')).toEqual({
      series: ['total'],
      rows: [
        { t: 3, values: [40] },
        { t: 4, values: [30] },
      ],
      coverage: null,
    });
    expect(lagChart(forming.slice(0, 2), 'total').rows.map((r) => r.values)).toEqual([[null], [null]]);
  });

  it('counts every partition when each is in every sample; two samples make two points', () => {
    const two = [
      { t: 1, totalLag: 3, partitions: { 'a:0': 1, 'a:1': 2 } },
      { t: 2, totalLag: 5, partitions: { 'a:0': 2, 'a:1': 3 } },
    ];
    expect(lagChart(two, 'total')).toEqual({
      series: ['total'],
      rows: [
        { t: 1, values: [3] },
        { t: 2, values: [5] },
      ],
      coverage: null,
    });
  });

  it('charts group totals as they are, gaps kept, when only totals were kept', () => {
    const totals: LagSample[] = [
      { t: 1, totalLag: 5 },
      { t: 2, totalLag: null },
      { t: 3, totalLag: 6 },
    ];
    expect(lagChart(totals, 'total')).toEqual({
      series: ['total'],
      rows: [
        { t: 1, values: [5] },
        { t: 2, values: [null] },
        { t: 3, values: [6] },
      ],
      coverage: null,
    });
  });

  it('sums partitions per topic, a gap where one of its partitions is missing', () => {
    expect(lagChart(history, 'topic')).toEqual({
      series: ['a', 'b'],
      rows: [
        { t: 1, values: [5, null] },
        { t: 2, values: [7, 2] },
      ],
      coverage: null,
    });
  });

  it('charts each partition', () => {
    expect(lagChart(history, 'partition').series).toEqual(['a-0', 'a-1', 'b-0']);
  });

  it('charts topics named like the time field or like members of Object.prototype as any other', () => {
    // As the browser gets them: JSON.parse makes "__proto__:0" an own key.
    const named = JSON.parse(
      JSON.stringify([
        { t: 1, totalLag: 6, partitions: { '__proto__:0': 1, '__proto__:1': 1, 'constructor:0': 2, 't:0': 3, 'toString:0': null } },
        { t: 2, totalLag: 10, partitions: { '__proto__:0': 1, '__proto__:1': 1, 'constructor:0': 4, 't:0': 4, 'toString:0': 0 } },
      ]),
    );
    expect(lagChart(named, 'topic')).toEqual({
      series: ['__proto__', 'constructor', 't', 'toString'],
      rows: [
        { t: 1, values: [2, 2, 3, null] },
        { t: 2, values: [2, 4, 4, 0] },
      ],
      coverage: null,
    });
  });
});
