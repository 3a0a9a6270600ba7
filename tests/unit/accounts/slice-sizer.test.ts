/** How many catch-up messages the core stores per turn (main/accounts/slice-sizer.ts). */
import { describe, expect, it } from 'vitest';
import { createSliceSizer } from '../../../main/accounts/slice-sizer';

describe('slice sizer', () => {
  it('starts at the maximum, then fits the measured cost per message into the budget', () => {
    const sizer = createSliceSizer({ max: 100, min: 20, budgetMs: 12 });
    expect(sizer.size()).toBe(100);
    sizer.record(100, 30); // 0.3 ms a message: 40 fit 12 ms
    expect(sizer.size()).toBe(40);
  });

  it('stays between min and max, however cheap or dear messages get', () => {
    const sizer = createSliceSizer({ max: 100, min: 20, budgetMs: 12 });
    for (let i = 0; i < 30; i++) sizer.record(100, 1000);
    expect(sizer.size()).toBe(20);
    for (let i = 0; i < 60; i++) sizer.record(50, 0.5);
    expect(sizer.size()).toBe(100);
  });

  it('follows a change of load over a few slices, not one outlier', () => {
    const sizer = createSliceSizer({ max: 100, min: 20, budgetMs: 12 });
    sizer.record(100, 10); // 0.1 ms a message
    expect(sizer.size()).toBe(100);
    sizer.record(100, 60); // one slow slice: 0.6 ms a message
    expect(sizer.size()).toBe(60); // running cost 0.2 ms
    for (let i = 0; i < 20; i++) sizer.record(100, 60);
    expect(sizer.size()).toBe(20);
  });

  it('ignores slices too small to say anything and readings that are not times', () => {
    const sizer = createSliceSizer({ max: 100, min: 20, budgetMs: 12 });
    sizer.record(3, 300);
    sizer.record(100, Number.NaN);
    sizer.record(100, -5);
    expect(sizer.size()).toBe(100);
  });

  it('never asks for more than the maximum even when min is set above it', () => {
    const sizer = createSliceSizer({ max: 2, min: 20, budgetMs: 12 });
    sizer.record(50, 5000);
    expect(sizer.size()).toBe(2);
  });
});
