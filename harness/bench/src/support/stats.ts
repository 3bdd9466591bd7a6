/** The q-quantile (0..1) of `values` by nearest rank; NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Several readings of one figure: the median is the figure, min and max its spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export function spreadOf(values: readonly number[]): Spread {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    values: [...values],
  };
}

export const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** Milliseconds since an arbitrary origin, sub-millisecond (for latencies and windows). */
export const nowMs = (): number => performance.now();
