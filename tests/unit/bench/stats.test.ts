import { describe, expect, it } from 'vitest';
import { median, p95, sumOfMedians } from '../../../bench/store/stats';

describe('bench statistics', () => {
  it('median takes the middle sample whatever the order, 0 for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBe(0);
  });

  it('p95 takes the sample at the 95th rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p95(xs)).toBe(96);
    expect(p95([7])).toBe(7);
  });

  it('sums each query’s median, so one slow sample does not weigh in', () => {
    expect(
      sumOfMedians([
        [1, 1000, 2],
        [10, 11, 12],
      ]),
    ).toBe(13);
    expect(sumOfMedians([])).toBe(0);
  });
});
