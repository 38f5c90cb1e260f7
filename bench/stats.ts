import { createHistogram } from "node:perf_hooks";

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Percentiles of durations in milliseconds, from Node's own HDR histogram (`perf_hooks`), kept in
 * microseconds to three significant figures.
 */
export function percentiles(durationsMs: number[]): Percentiles {
  const histogram = createHistogram();
  for (const ms of durationsMs) histogram.record(Math.max(1, Math.round(ms * 1000)));
  const at = (percentile: number) =>
    durationsMs.length ? round(histogram.percentile(percentile) / 1000) : 0;
  return {
    count: durationsMs.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: durationsMs.length ? round(histogram.max / 1000) : 0,
  };
}

/** The median of a few numbers (repeated start-ups). */
export function median(values: number[]): number {
  return percentiles(values).p50;
}

/** "12.3 ms" */
export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
