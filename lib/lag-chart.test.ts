import { describe, expect, it } from 'vitest';
import { lagChart } from './lag-chart';

const history = [
  { t: 1, totalLag: 5, partitions: { 'a:0': 2, 'a:1': 3, 'b:0': null } },
  { t: 2, totalLag: 9, partitions: { 'a:0': 4, 'a:1': 3, 'b:0': 2 } },
];

describe('lagChart', () => {
  it('charts the total', () => {
    expect(lagChart(history, 'total')).toEqual({ series: ['total'], rows: [{ t: 1, values: [5] }, { t: 2, values: [9] }] });
  });

  it('sums partitions per topic, leaving topics without commits as gaps', () => {
    expect(lagChart(history, 'topic')).toEqual({ series: ['a', 'b'], rows: [{ t: 1, values: [5, null] }, { t: 2, values: [7, 2] }] });
  });

  it('charts each partition', () => {
    expect(lagChart(history, 'partition').series).toEqual(['a-0', 'a-1', 'b-0']);
  });

  it('charts topics named like the time field or like members of Object.prototype as any other', () => {
    // As the browser gets them: JSON.parse makes "__proto__:0" an own key.
    const named = JSON.parse(JSON.stringify([
      { t: 1, totalLag: 6, partitions: { '__proto__:0': 1, 'constructor:0': 2, 't:0': 3, 'toString:0': null } },
      { t: 2, totalLag: 10, partitions: { '__proto__:0': 1, '__proto__:1': 1, 'constructor:0': 4, 't:0': 4, 'toString:0': 0 } },
    ]));
    expect(lagChart(named, 'topic')).toEqual({
      series: ['__proto__', 'constructor', 't', 'toString'],
      rows: [{ t: 1, values: [1, 2, 3, null] }, { t: 2, values: [2, 4, 4, 0] }],
    });
  });
});
