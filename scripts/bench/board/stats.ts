/** Summaries of timing samples for the board bench. */
import { percentile } from '../sync/stats';

/** Median, p95, p99 and max of a sample set (ms). */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
}

/** Summarises `samples`. */
export function summarise(samples: readonly number[]): Summary {
  const list = [...samples];
  return {
    n: list.length,
    median: percentile(list, 50),
    p95: percentile(list, 95),
    p99: percentile(list, 99),
    max: list.length === 0 ? Number.NaN : Math.max(...list),
  };
}

/** `12.3 ms` style. */
export const ms = (value: number): string => `${value.toFixed(1)} ms`;
