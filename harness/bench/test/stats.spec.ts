import { quantile, spreadOf } from '../src/support/stats.js';

describe('quantile (nearest rank)', () => {
  it.each([
    [[5], 0.99, 5],
    [[1, 2, 3, 4], 0.5, 2],
    [[4, 3, 2, 1], 0.75, 3],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99],
    [Array.from({ length: 1000 }, (_, i) => i + 1), 0.99, 990],
  ])('%j at %d is %d', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it('is NaN for no values', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('spreadOf (rounds of one figure)', () => {
  it('takes the median as the figure and keeps min, max and every reading', () => {
    expect(spreadOf([0.93, 0.41, 0.95, 0.9, 1.2])).toEqual({
      median: 0.93,
      min: 0.41,
      max: 1.2,
      values: [0.93, 0.41, 0.95, 0.9, 1.2],
    });
  });
});
