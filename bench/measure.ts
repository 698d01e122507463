/** Timing statistics of repeated runs, in milliseconds. */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly p90Ms: number;
  /** Highest resident set size sampled between runs, in MiB. */
  readonly peakRssMb: number;
}

export interface MeasureOptions {
  readonly minRuns: number;
  readonly minMs: number;
  readonly warmupMs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summarize(times: number[], peak: number): Timing {
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    medianMs: quantile(times, 0.5),
    minMs: times[0]!,
    p90Ms: quantile(times, 0.9),
    peakRssMb: peak / 1024 / 1024,
  };
}

/**
 * Times contenders on the same workload, alternating one run of each, after a warm-up of all: a
 * machine that slows down for a while (2 shared cores) slows them alike, so their ratios hold.
 * Runs until both `minRuns` rounds and `minMs` of measuring have passed (at most 500 rounds).
 */
export async function measureAlternating(
  contenders: ReadonlyArray<() => Promise<void>>,
  options: MeasureOptions,
): Promise<Timing[]> {
  const warmEnd = performance.now() + options.warmupMs;
  for (let i = 0; i < 3 || performance.now() < warmEnd; i++) for (const run of contenders) await run();
  globalThis.gc?.();
  const times = contenders.map((): number[] => []);
  const peak = contenders.map(() => 0);
  const end = performance.now() + options.minMs;
  while (times[0]!.length < options.minRuns || (performance.now() < end && times[0]!.length < 500)) {
    for (let k = 0; k < contenders.length; k++) {
      const t = performance.now();
      await contenders[k]!();
      times[k]!.push(performance.now() - t);
      peak[k] = Math.max(peak[k]!, process.memoryUsage.rss());
    }
  }
  return times.map((t, k) => summarize(t, peak[k]!));
}
