/** Timing statistics of repeated runs, in milliseconds. */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly p90Ms: number;
  /** Highest resident set size sampled after a run, in MiB. */
  readonly peakRssMb: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Runs `once` until both at least `minRuns` runs and `minMs` of measuring have passed, after a warm-up
 * of the same shape, and reports the median: the JIT's steady state, not its first impression.
 */
export async function measure(once: () => Promise<void>, options: { minRuns: number; minMs: number; warmupMs: number }): Promise<Timing> {
  const warmEnd = performance.now() + options.warmupMs;
  for (let i = 0; i < 3 || performance.now() < warmEnd; i++) await once();
  globalThis.gc?.();
  const times: number[] = [];
  let peak = 0;
  const end = performance.now() + options.minMs;
  while (times.length < options.minRuns || (performance.now() < end && times.length < 500)) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    medianMs: quantile(times, 0.5),
    minMs: times[0]!,
    p90Ms: quantile(times, 0.9),
    peakRssMb: peak / 1024 / 1024,
  };
}
